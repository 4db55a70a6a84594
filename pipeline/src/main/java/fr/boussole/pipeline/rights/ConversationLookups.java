package fr.boussole.pipeline.rights;

import fr.boussole.pipeline.conversation.Conversations;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.rights.DataSubject;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * The only places where the data rights find a person or a conversation in the platform's
 * collections: one method per collection and key. No address is stored in clear: a conversation is
 * named by {@code channel:lookupKey(address)} and a phone or email by its keyed hash
 * ({@link PersonalData}); the address itself is sealed in the documents.
 */
@Component
class ConversationLookups {

    static final String CONVERSATIONS = "conversations";
    static final String INBOUND = "inbound_messages";
    static final String SEQUENCES = "inbound_sequences";
    static final String OUTBOX = "outbox";
    static final String QUEUES = "outbox_queues";
    static final String STOPPED = "stopped_recipients";
    static final String LEASES = "leases";
    static final String INBOUND_DUE = "inbound_due";
    static final String SEEN = "inbound_seen";
    static final String PROVIDER_IDS = "outbox_provider_ids";
    static final String OUTBOX_DUE = "outbox_due";
    static final String OUTBOX_DEAD = "outbox_dead";

    private final PersonalData personalData;

    ConversationLookups(PersonalData personalData) {
        this.personalData = personalData;
    }

    /**
     * The stored form of a conversation key: the {@code _id} of its documents in conversations,
     * inbound_sequences, outbox_queues and stopped_recipients, and part of its lease's name.
     */
    String stored(ConversationKey key) {
        return personalData.conversationRef(key);
    }

    Query byId(ConversationKey key) {
        return Query.query(Criteria.where("_id").is(stored(key)));
    }

    String leaseOf(ConversationKey key) {
        return "conversation:" + stored(key);
    }

    /**
     * A conversation's outbox entries, by a query the embedded store answers with a walk: only until the one
     * listing of the deliveries whose message is gone ({@link ConversationRecords}).
     */
    Query outboxOf(ConversationKey key) {
        return Query.query(Criteria.where("conversation").is(stored(key)));
    }

    /** Conversations where this phone or email was typed at the contact step; null for other subjects. */
    Query contactInState(DataSubject subject) {
        return switch (subject) {
            case DataSubject.Phone phone -> Query.query(Criteria.where("contactLookup").is(personalData.lookupKey(phone.e164())));
            case DataSubject.Email email -> Query.query(Criteria.where("contactLookup").is(personalData.lookupKey(email.address())));
            default -> null;
        };
    }

    /** Inbound messages where this phone number was shared (Telegram's contact button). */
    Query sharedPhone(DataSubject.Phone phone) {
        return Query.query(Criteria.where("sharedPhoneLookup").is(personalData.lookupKey(phone.e164())));
    }

    /** The key of a conversation document: its channel from the id, its address opened. */
    ConversationKey ofConversation(Document conversation) {
        String id = conversation.getString("_id");
        return new ConversationKey(Channel.valueOf(id.substring(0, id.indexOf(':')).toUpperCase(Locale.ROOT)),
                personalData.open(conversation.getString("address"), Conversations.field(id, "address")));
    }

    /** The key of the conversation an inbound message belongs to: its channel, its address opened. */
    ConversationKey ofInbound(Document inbound) {
        return new ConversationKey(Channel.valueOf(inbound.getString("channel").toUpperCase(Locale.ROOT)),
                personalData.open(inbound.getString("address"), InboundMessages.field(inbound.getString("_id"), "address")));
    }
}
