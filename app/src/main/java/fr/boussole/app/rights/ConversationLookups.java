package fr.boussole.app.rights;

import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.rights.DataSubject;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.regex.Pattern;

/**
 * The only places where the data rights find a person or a conversation in the platform's
 * collections: one method per collection and key. With lookup hashes instead of clear keys, these
 * are the methods to change.
 */
final class ConversationLookups {

    static final String CONVERSATIONS = "conversations";
    static final String INBOUND = "inbound_messages";
    static final String SEQUENCES = "inbound_sequences";
    static final String OUTBOX = "outbox";
    static final String QUEUES = "outbox_queues";
    static final String STOPPED = "stopped_recipients";
    static final String LEASES = "leases";

    private ConversationLookups() {}

    /**
     * The stored form of a conversation key: the {@code _id} of its documents in conversations,
     * inbound_sequences, outbox_queues and stopped_recipients, and part of its lease's name.
     */
    static String stored(ConversationKey key) {
        return key.value();
    }

    static Query byId(ConversationKey key) {
        return Query.query(Criteria.where("_id").is(stored(key)));
    }

    static String leaseOf(ConversationKey key) {
        return "conversation:" + stored(key);
    }

    /** A conversation's inbound messages. */
    static Query inboundOf(ConversationKey key) {
        return Query.query(Criteria.where("conversation").is(stored(key)));
    }

    /** A conversation's outbox entries. */
    static Query outboxOf(ConversationKey key) {
        return Query.query(Criteria.where("conversation").is(stored(key)));
    }

    /** Conversations where this phone or email was typed at the contact step; null for other subjects. */
    static Query contactInState(DataSubject subject) {
        return switch (subject) {
            case DataSubject.Phone phone -> Query.query(Criteria.where("state.contactAddress").is(phone.e164()));
            case DataSubject.Email email -> Query.query(Criteria.where("state.contactAddress")
                    .regex("^" + Pattern.quote(email.address()) + "$", "i"));
            default -> null;
        };
    }

    /** Inbound messages where this phone number was shared (Telegram's contact button). */
    static Query sharedPhone(DataSubject.Phone phone) {
        return Query.query(Criteria.where("sharedPhone").is(phone.e164()));
    }
}
