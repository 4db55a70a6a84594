package fr.boussole.app.conversation;

import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.message.ConversationKey;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Conversation documents: the engine's state, a version for optimistic concurrency, the last turn
 * (the inbound message it answers and its events) and the opt-out flag.
 */
@Component
public class Conversations {

    static final String COLLECTION = "conversations";

    private final MongoTemplate mongo;

    Conversations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The stored conversation, or a fresh one (version 0, nothing stored yet). */
    public StoredConversation load(ConversationKey key) {
        Document doc = mongo.findById(key.value(), Document.class, COLLECTION);
        if (doc == null) {
            return new StoredConversation(key, 0, ConversationState.start(key), null, -1, List.of(), false);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) doc.get("state");
        Document turn = doc.get("lastTurn", Document.class);
        return new StoredConversation(key, ((Number) doc.get("version")).longValue(),
                state == null ? ConversationState.start(key) : ConversationState.fromStored(state),
                turn == null ? null : turn.getString("inboundId"),
                turn == null ? -1 : ((Number) turn.get("sequence")).longValue(),
                turn == null ? List.of() : StoredEvents.read(turn.getList("events", Document.class)),
                Boolean.TRUE.equals(doc.getBoolean("optedOut")));
    }

    /**
     * Stores a turn's state and events in one atomic write, conditioned on the version read: the
     * only write that decides whether a turn happened. Returns false when another worker got there first.
     */
    boolean applyTurn(StoredConversation before, ConversationState state, String inboundId, long sequence,
                      List<DialogEvent> events, Instant now) {
        Document turn = new Document("inboundId", inboundId).append("sequence", sequence)
                .append("at", Date.from(now)).append("events", StoredEvents.write(events));
        Update update = new Update().set("state", new Document(state.toStored())).set("lastTurn", turn)
                .set("version", before.version() + 1).set("updatedAt", Date.from(now));
        if (before.version() == 0) {
            try {
                mongo.insert(new Document("_id", before.key().value()).append("version", 1L)
                        .append("state", new Document(state.toStored())).append("lastTurn", turn)
                        .append("updatedAt", Date.from(now)), COLLECTION);
                return true;
            } catch (org.springframework.dao.DuplicateKeyException lost) {
                return false;
            }
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(before.key().value())
                .and("version").is(before.version())), update, COLLECTION).getModifiedCount() == 1;
    }

    void setOptedOut(ConversationKey key, boolean optedOut) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key.value())), new Update().set("optedOut", optedOut), COLLECTION);
    }
}
