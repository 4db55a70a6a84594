package fr.boussole.pipeline.outbox;

import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.pipeline.writes.Unawaited;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The web chat's replies: never sent by a worker, they are delivered by being returned in the HTTP
 * answer to the message they reply to, or to the page when it asks for what it has not shown (what
 * the bot wrote first: news of a request, a person's words; replies whose wait ran out). Replies no
 * request takes are emptied by the retention job; what the bot wrote first waits for the page.
 */
@Component
public class WebReplies {

    private final MongoTemplate mongo;
    private final MongoOutbox outbox;
    private final Unawaited unawaited;
    private final Clock clock;

    WebReplies(MongoTemplate mongo, MongoOutbox outbox, Clock clock) {
        this.mongo = mongo;
        this.unawaited = new Unawaited(mongo);
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The replies to one web chat message, by their outbox ids, in order. Returning them is their
     * delivery: pending ones are marked sent. Asked again (a client retry), it returns the same replies.
     */
    public List<OutboundMessage> take(List<String> ids) {
        List<OutboundMessage> replies = new ArrayList<>();
        for (String id : ids) {
            Document doc = outbox.byId(id);
            if (doc == null) {
                continue;
            }
            outbox.dequeue(doc.getString("conversation"), id);
            if (OutboxStatus.CANCELLED.name().equals(doc.getString("status"))) {
                continue;
            }
            if (OutboxStatus.PENDING.name().equals(doc.getString("status"))) {
                // by _id alone (the embedded store uses no index for a compound condition); only the
                // web chat touches WEB entries, and marking one sent twice is harmless
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), sent(), MongoOutbox.COLLECTION);
            }
            replies.add(StoredPayloads.message(outbox.payload(doc)));
        }
        return replies;
    }

    /**
     * The replies to one web chat message as its turn enqueued them, handed over in memory by the worker
     * (no read): each marked sent by its unclaimed key ({@code id#0}; an erasure moves that key, so a
     * cancelled reply is never marked, and is looked at as {@link #take} does), then all leave the
     * conversation's queue in one write. Only that last write waits for durability: it covers the marks
     * before it ({@link Unawaited}), and the web chat answers once it returns.
     */
    public List<OutboundMessage> taken(ConversationKey conversation, List<String> ids, List<OutboundMessage> messages) {
        List<OutboundMessage> replies = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (unawaited.updateOne(MongoOutbox.COLLECTION, new Document("cas", id + "#0"), sent().getUpdateObject())) {
                replies.add(messages.get(i));
            } else {
                replies.addAll(take(List.of(id)));
            }
        }
        if (!ids.isEmpty()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(outbox.ref(conversation))),
                    Update.fromDocument(new Document("$pull", new Document("entries",
                            new Document("id", new Document("$in", ids))))), MongoOutbox.QUEUES);
        }
        return replies;
    }

    private Update sent() {
        return new Update().set("status", OutboxStatus.SENT.name()).set("providerId", "web")
                .set("sentAt", Date.from(clock.instant())).set("attempts", 1);
    }

    /**
     * The web chat messages of the conversation still waiting for its page, in order, found through
     * the conversation's queue (an _id lookup); returning them is their delivery.
     */
    public List<OutboundMessage> takeUnread(ConversationKey conversation) {
        List<String> ids = outbox.queued(outbox.ref(conversation)).stream().map(e -> e.getString("id")).toList();
        return take(ids);
    }
}
