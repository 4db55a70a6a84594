package fr.boussole.store.csv;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The texts of the import, from {@code store/messages/import.properties}. */
public final class ImportTexts {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("store.messages.import", Locale.ROOT);

    private ImportTexts() {}

    /** The text for this key with its arguments. */
    public static String text(String key, Object... arguments) {
        Object[] plain = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            // numbers as typed (line 1001, not "1 001")
            plain[i] = arguments[i] instanceof Number ? arguments[i].toString() : arguments[i];
        }
        return new MessageFormat(BUNDLE.getString(key), Locale.FRENCH).format(plain);
    }
}
