package fr.boussole.core.promise;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The system message that makes the engine ask "were you contacted?" about one request: the one
 * place where its marker is written and read. It travels through the inbox like any message so
 * that order per conversation, de-duplication and crash-safety hold for it too.
 * <p>
 * Channels pass tapped choice ids through unchecked, so a young person could send the marker as a
 * choice id. The marker therefore only counts on an inbound whose provider message id is the one
 * derived from the request ({@link #providerMessageId()}): no channel produces ids of that form
 * (Twilio SIDs, Telegram update numbers, web ids prefixed by their session), and only the job that
 * read the request from the store knows it.
 *
 * @param organisationName who promised to call, or null (then the question stays generic)
 * @param offerTitle       the offer asked about, or null
 */
public record ContactCheckPrompt(String requestId, String organisationName, String offerTitle) {

    private static final String PREFIX = "contact-check|";

    public ContactCheckPrompt {
        Objects.requireNonNull(requestId, "requestId");
        if (requestId.isBlank() || requestId.contains("|")) {
            throw new IllegalArgumentException("not a request id: " + requestId);
        }
    }

    public static ContactCheckPrompt of(ContactChecks.Due due) {
        return new ContactCheckPrompt(due.requestId(), due.organisationName(), due.offerTitle());
    }

    /** The only provider message id under which the marker is honoured, and the inbox's de-duplication key. */
    public String providerMessageId() {
        return Ids.derived("check", requestId);
    }

    public String toChoiceId() {
        return PREFIX + requestId + "|" + encode(organisationName) + "|" + encode(offerTitle);
    }

    /** The system inbound that asks the question on the conversation the request came from. */
    public Inbound inbound(ConversationKey conversation, Instant at) {
        return new Inbound(providerMessageId(), conversation, "", toChoiceId(), null, at);
    }

    /** The marker in a choice id, whoever sent it. */
    public static Optional<ContactCheckPrompt> parse(String choiceId) {
        if (choiceId == null || !choiceId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = choiceId.substring(PREFIX.length()).split("\\|", -1);
        if (parts.length != 3 || parts[0].isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ContactCheckPrompt(parts[0], decode(parts[1]), decode(parts[2])));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The prompt an inbound carries, only when it is the genuine system message for its request. */
    public static Optional<ContactCheckPrompt> in(Inbound inbound) {
        return parse(inbound.choiceId()).filter(p -> p.providerMessageId().equals(inbound.providerMessageId()));
    }

    private static String encode(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return text.isEmpty() ? null : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
