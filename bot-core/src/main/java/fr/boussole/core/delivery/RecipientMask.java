package fr.boussole.core.delivery;

/**
 * Masks a provider address so that an operator can tell two recipients apart and recognise one they
 * are told about, without reading it: {@code +33 6 •• •• •• 78}, {@code j•••@example.fr}, {@code ••••42}.
 */
public final class RecipientMask {

    static final String DOTS = "••";

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^\\s@<>\"']+@[^\\s@<>\"']+");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\+?[0-9][0-9 .-]{4,}[0-9]");

    private RecipientMask() {}

    /**
     * A provider's error text with every email address and long number (phones, chat ids) masked:
     * some providers quote the recipient in their errors ("The 'To' number +33… is not valid").
     */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String noEmails = EMAIL.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(of(m.group())));
        return NUMBER.matcher(noEmails).replaceAll(DOTS + DOTS);
    }

    public static String of(String recipient) {
        if (recipient == null || recipient.isBlank()) {
            return DOTS + DOTS;
        }
        String address = recipient.strip();
        if (address.startsWith("whatsapp:")) {
            address = address.substring("whatsapp:".length());
        }
        int at = address.lastIndexOf('@');
        if (at > 0) {
            return address.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    + "•••" + address.substring(at);
        }
        if (address.matches("\\+33[1-9][0-9]{8}")) {
            return "+33 " + address.charAt(3) + " •• •• •• " + address.substring(10);
        }
        if (address.matches("\\+[0-9]{6,15}")) {
            return address.substring(0, 3) + " " + DOTS + DOTS + " " + address.substring(address.length() - 2);
        }
        if (address.matches("-?[0-9]{3,}")) {
            return DOTS + DOTS + address.substring(address.length() - 2); // a Telegram chat id
        }
        return DOTS + DOTS; // a web session, an erased address: nothing worth showing
    }
}
