package fr.boussole.testing;

/**
 * The Twilio and Telegram accounts a test gives the code under test, and the public URL Twilio signs
 * against (which alert links start with too).
 *
 * @param whatsappFrom the WhatsApp sender, or null when the test has none
 */
public record ProviderAccounts(String accountSid, String authToken, String smsFrom, String whatsappFrom,
                               String botToken, String telegramSecret, String publicBaseUrl) {

    /** Where Twilio's REST API takes a message to send, for this account. */
    public String messagesPath() {
        return "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
    }
}
