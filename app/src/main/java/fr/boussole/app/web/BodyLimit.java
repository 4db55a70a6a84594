package fr.boussole.app.web;

import java.util.List;
import java.util.Optional;

/**
 * The largest body each public endpoint takes. Twilio's forms carry at most a 1,600-character SMS or a
 * 4,096-character WhatsApp text, under 30 kB even percent-encoded emoji by emoji; Telegram's update adds
 * the message it replies to and entities, under 60 kB; the web chat's JSON holds one text of at most
 * 2,000 characters. Each limit leaves room over what the provider can send and refuses the rest.
 *
 * @param path     the exact request path, or a prefix when it ends with {@code /}
 * @param maxBytes the largest body taken, in bytes
 * @param json     whether the refusal is written as the web chat's JSON error (else plain text)
 */
record BodyLimit(String path, long maxBytes, boolean json) {

    static final long TWILIO_MAX_BYTES = 64 * 1024;
    static final long TELEGRAM_MAX_BYTES = 128 * 1024;
    /** The same as {@code WebChatController.MAX_BODY_BYTES}, which checks the declared length again. */
    static final long WEB_CHAT_MAX_BYTES = 8 * 1024;

    static final List<BodyLimit> PUBLIC_ENDPOINTS = List.of(
            new BodyLimit("/webhooks/twilio", TWILIO_MAX_BYTES, false),
            new BodyLimit("/webhooks/twilio/status", TWILIO_MAX_BYTES, false),
            new BodyLimit("/webhooks/telegram", TELEGRAM_MAX_BYTES, false),
            new BodyLimit("/api/chat/", WEB_CHAT_MAX_BYTES, true));

    static Optional<BodyLimit> of(String path) {
        return PUBLIC_ENDPOINTS.stream().filter(limit -> limit.covers(path)).findFirst();
    }

    boolean covers(String requestPath) {
        return path.endsWith("/") ? requestPath.startsWith(path) : requestPath.equals(path);
    }
}
