package fr.boussole.core.message;

/** Where a conversation takes place, and so how its messages are rendered and delivered. */
public enum Channel {
    WEB, SMS, WHATSAPP, TELEGRAM, EMAIL;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
