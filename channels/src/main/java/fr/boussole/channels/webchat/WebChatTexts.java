package fr.boussole.channels.webchat;

import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.ResourceBundle;

/** The web chat's user-visible error texts, from the bundle {@code i18n/webchat}. */
@Component
class WebChatTexts {

    private final ResourceBundle bundle = ResourceBundle.getBundle("i18n/webchat", Locale.FRENCH);

    String text(String key) {
        return bundle.getString(key);
    }
}
