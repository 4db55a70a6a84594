package fr.boussole.channels.twilio;

/** The contract's Twilio webhook paths. */
public final class TwilioWebhookPaths {

    public static final String INBOUND = "/webhooks/twilio";
    public static final String STATUS = "/webhooks/twilio/status";

    private TwilioWebhookPaths() {}
}
