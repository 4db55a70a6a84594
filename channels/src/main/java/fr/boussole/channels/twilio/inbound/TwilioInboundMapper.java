package fr.boussole.channels.twilio.inbound;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/** Maps Twilio's incoming-message form to our inbound message; tells what is wrong with a malformed one. */
final class TwilioInboundMapper {

    static final String WHATSAPP_PREFIX = "whatsapp:";
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{4,14}");
    private static final Pattern SID = Pattern.compile("[A-Z]{2}[0-9a-fA-F]{32}");

    private TwilioInboundMapper() {}

    /** A request we refuse to record, with a message for the caller. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    static Inbound map(Map<String, String> form, Instant receivedAt) {
        String sid = form.getOrDefault("MessageSid", form.get("SmsSid"));
        if (sid == null || !SID.matcher(sid).matches()) {
            throw new Malformed("MessageSid is missing or is not a Twilio message SID");
        }
        String from = form.get("From");
        if (from == null || from.isBlank()) {
            throw new Malformed("From is missing");
        }
        Channel channel = Channel.SMS;
        String address = from.strip();
        if (address.startsWith(WHATSAPP_PREFIX)) {
            channel = Channel.WHATSAPP;
            address = address.substring(WHATSAPP_PREFIX.length());
        }
        if (!E164.matcher(address).matches()) {
            throw new Malformed("From is not an E.164 phone number");
        }
        ConversationKey conversation = new ConversationKey(channel, address);
        String body = form.getOrDefault("Body", "");
        String buttonPayload = blankToNull(form.get("ButtonPayload"));
        String listId = blankToNull(form.get("ListId"));
        if (buttonPayload != null) {
            return new Inbound(sid, conversation, firstSet(form.get("ButtonText"), body), buttonPayload, null, receivedAt);
        }
        if (listId != null) {
            return new Inbound(sid, conversation, firstSet(form.get("ListTitle"), body), listId, null, receivedAt);
        }
        return Inbound.text(sid, conversation, body, receivedAt);
    }

    private static String firstSet(String preferred, String fallback) {
        return preferred == null || preferred.isBlank() ? fallback : preferred;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
