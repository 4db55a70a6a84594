package fr.boussole.core.promise;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;

import fr.boussole.core.message.Markers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of a young person's request, told back to them on the conversation it came from: the
 * organisation took it in hand, closed it (and how), or let the promised delay pass. A system input:
 * the offer store's promises put it in the conversation's inbox (so that it keeps the conversation's
 * order, is de-duplicated and survives a crash like any message) and the engine says it in words.
 * <p>
 * When the young person was left without help, the store adds the next offer that matches their
 * request ({@link #next}), which the engine proposes with one tap to send a new request, or, when
 * none matches, who to turn to ({@link #fallback}).
 * <p>
 * Like {@link ContactCheckPrompt}, its marker travels in the inbound's choice id and only counts on
 * the provider message id derived from the request and the kind of news, which no channel produces.
 *
 * @param closing  how it was closed (for {@link Kind#CLOSED}), or null
 * @param next     the offer proposed instead, or null
 * @param fallback who to turn to when no offer is proposed instead, or null
 */
public record RequestNews(String requestId, Kind kind, Closing closing, String organisationName, String offerTitle,
                          NextOffer next, Fallback fallback) {

    private static final String PREFIX = "request-news?";

    /** What happened to the request. */
    public enum Kind { TAKEN_IN_HAND, CLOSED, EXPIRED }

    /** How a closed request ended, as the young person is told. */
    public enum Closing {
        HELPED, NOT_WHAT_NEEDED, UNREACHABLE, NOT_ELIGIBLE, NO_LONGER_AVAILABLE, DUPLICATE, OTHER;

        /** Left without the help asked for: another offer is worth proposing. */
        public boolean leftWithoutHelp() {
            return switch (this) {
                case NOT_WHAT_NEEDED, UNREACHABLE, NOT_ELIGIBLE, NO_LONGER_AVAILABLE -> true;
                case HELPED, DUPLICATE, OTHER -> false;
            };
        }
    }

    /** An offer that matches the same request, from another organisation, with its promised delay. */
    public record NextOffer(String offerId, String title, String organisationName, int delayDays) {
        public NextOffer {
            Objects.requireNonNull(offerId, "offerId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(organisationName, "organisationName");
        }
    }

    /** Someone to call (the territory's Info Jeunes). */
    public record Fallback(String name, String phone) {
        public Fallback {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(phone, "phone");
        }
    }

    public RequestNews {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(kind, "kind");
        if (requestId.isBlank() || requestId.contains("&") || requestId.contains("=")) {
            throw new IllegalArgumentException("not a request id: " + requestId);
        }
        if (kind == Kind.CLOSED && closing == null) {
            throw new IllegalArgumentException("closed news need how it was closed");
        }
    }

    /** The only provider message id under which the marker is honoured: one per request and kind of news. */
    public String providerMessageId() {
        return Ids.derived("news", requestId, kind.name());
    }

    /** The system inbound that tells the news on the conversation the request came from. */
    public Inbound inbound(ConversationKey conversation, Instant at) {
        return new Inbound(providerMessageId(), conversation, "", toChoiceId(), null, at);
    }

    public String toChoiceId() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("r", requestId);
        fields.put("k", kind.name());
        fields.put("c", closing == null ? null : closing.name());
        fields.put("o", organisationName);
        fields.put("t", offerTitle);
        if (next != null) {
            fields.put("no", next.offerId());
            fields.put("nt", next.title());
            fields.put("ng", next.organisationName());
            fields.put("nd", Integer.toString(next.delayDays()));
        }
        if (fallback != null) {
            fields.put("fn", fallback.name());
            fields.put("fp", fallback.phone());
        }
        return Markers.write(PREFIX, fields);
    }

    /** The news in a choice id, whoever sent it. */
    public static Optional<RequestNews> parse(String choiceId) {
        return Markers.read(PREFIX, choiceId).flatMap(fields -> {
            try {
                NextOffer next = fields.containsKey("no") ? new NextOffer(fields.get("no"), fields.get("nt"),
                        fields.get("ng"), Integer.parseInt(fields.get("nd"))) : null;
                Fallback fallback = fields.containsKey("fn") ? new Fallback(fields.get("fn"), fields.get("fp")) : null;
                return Optional.of(new RequestNews(fields.get("r"), Kind.valueOf(fields.get("k")),
                        fields.get("c") == null ? null : Closing.valueOf(fields.get("c")), fields.get("o"),
                        fields.get("t"), next, fallback));
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        });
    }

    /** The news an inbound carries, only when it is the genuine system message for its request and kind. */
    public static Optional<RequestNews> in(Inbound inbound) {
        return parse(inbound.choiceId()).filter(n -> n.providerMessageId().equals(inbound.providerMessageId()));
    }
}
