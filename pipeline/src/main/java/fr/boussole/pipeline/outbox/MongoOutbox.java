package fr.boussole.pipeline.outbox;

import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.delivery.Outbox;
import fr.boussole.core.delivery.RecipientMask;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.privacy.SealedField;
import fr.boussole.pipeline.sealed.SealedDocuments;
import fr.boussole.pipeline.writes.RetentionLists;
import fr.boussole.pipeline.writes.Unawaited;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outbox. Entries ({@code outbox}) are written once (idempotent on id) and then change status
 * only through a claim: a compare-and-set on the unique key {@code cas = id#generation}, so that
 * every status change is fenced by the claim that made it and a sender that lost its claim changes
 * nothing. Live work is kept apart from the record, in small collections read whole or by
 * {@code _id} only, so that a poll costs the same whatever the history:
 * <ul>
 *   <li>{@code outbox_due}: one document per pending entry that a worker sends (not the web chat's), with
 *       its channel and when it is next due;</li>
 *   <li>{@code outbox_queues}: per conversation, its unfinished entries by sequence: only the first may go,
 *       so that entry n+1 never overtakes entry n;</li>
 *   <li>{@code outbox_dead}: the dead letters, for the console;</li>
 *   <li>{@code outbox_provider_ids}: the provider's id of a sent entry, for its status callbacks.</li>
 * </ul>
 * Personal data at rest: recipient and payload sealed ({@code recipientLookup} = the recipient's lookup
 * key), the conversation named by {@link #ref}. Its other roles have their own classes: the provider's
 * status callbacks ({@link ProviderStatuses}), the web chat's replies ({@link WebReplies}), the dead
 * letters for the console ({@link OutboxDeadLetters}); the sending itself is the {@link OutboxWorker}'s.
 */
@Component
public class MongoOutbox implements Outbox {

    static final String COLLECTION = "outbox";
    static final String STOPPED = "stopped_recipients";
    static final String QUEUES = "outbox_queues";
    static final String DUE = "outbox_due";
    static final String DEAD = "outbox_dead";
    static final String PROVIDER_IDS = "outbox_provider_ids";
    /** Room for the replies of one inbound message within its conversation's sequence of deliveries. */
    public static final long SLOTS_PER_MESSAGE = 1000;

    /** The recipient of an entry whose personal data was erased. */
    static final String ERASED = "erased";

    /** A claim on an entry: its generation fences every change made under it. */
    public record Claim(String id, long generation, String conversation) {
        String cas() {
            return id + "#" + generation;
        }
    }

    private final MongoTemplate mongo;
    private final Unawaited unawaited;
    private final RetentionLists lists;
    private final Clock clock;
    private final ObjectProvider<OutboxWorker> worker;
    private final SealedDocuments sealed;
    private final PersonalData personalData;

    MongoOutbox(MongoTemplate mongo, Clock clock, ObjectProvider<OutboxWorker> worker, SealedDocuments sealed) {
        this.mongo = mongo;
        this.unawaited = new Unawaited(mongo);
        this.lists = new RetentionLists(mongo);
        this.clock = clock;
        this.worker = worker;
        this.sealed = sealed;
        this.personalData = sealed.personalData();
        // id#claims: a claim is a compare-and-set on this unique key (an indexed exact match on any store)
        mongo.indexOps(COLLECTION).createIndex(new Index().on("cas", Sort.Direction.ASC).unique().named("cas"));
    }

    @Override
    public void enqueue(Delivery delivery) {
        enqueue(delivery, null, false);
    }

    /**
     * Enqueues a reply to an inbound message, so that the web chat can find the replies of one message.
     * Written without waiting for durability ({@link Unawaited}): the turn's last write waits for it, and
     * a sender claims an entry (a write that waits) before it sends it.
     */
    public void enqueue(Delivery delivery, String inboundId) {
        enqueue(delivery, inboundId, inboundId != null);
    }

    private void enqueue(Delivery delivery, String inboundId, boolean turnReply) {
        Instant now = clock.instant();
        Document doc = new Document("_id", delivery.id())
                .append("channel", delivery.channel().id())
                .append("recipient", personalData.seal(delivery.recipient(), field(delivery.id(), "recipient")))
                .append("recipientLookup", personalData.lookupKey(delivery.channel(), delivery.recipient()))
                .append("conversation", delivery.conversation() == null ? null : ref(delivery.conversation()))
                .append("sequence", delivery.sequence())
                .append("inboundId", inboundId)
                .append("payload", sealed.seal(StoredPayloads.write(delivery.payload()), field(delivery.id(), "payload")))
                .append("status", OutboxStatus.PENDING.name())
                .append("attempts", 0)
                .append("createdAt", Date.from(now))
                .append("nextAttemptAt", Date.from(now))
                .append("leaseUntil", new Date(0))
                .append("claims", 0L)
                .append("cas", delivery.id() + "#0");
        if (delivery.channel() == Channel.WEB && delivery.payload() instanceof DeliveryPayload.Chat chat
                && chat.message().unprompted()) {
            // written first by the bot (news, a person's words): it waits for the page to come back
            // ({@link WebReplies#takeUnread}), not for an HTTP answer, so the hour-long retention of
            // untaken replies leaves it; the conversation's erasure takes it with the rest
            doc.append("waitsForPage", true);
        }
        try {
            if (turnReply) {
                // listed for the retention job with the message it answers, as that message is processed
                unawaited.insert(COLLECTION, doc);
            } else {
                // listed for the retention job first: the insert, which waits, covers the listing
                lists.list(Map.of(RetentionLists.OUTBOX, List.of(delivery.id())), now);
                mongo.insert(doc, COLLECTION);
            }
        } catch (DuplicateKeyException alreadyThere) {
            // replayed after a crash: the entry is there; make sure it is queued and due if still pending
            Document existing = byId(delivery.id());
            if (existing == null || !OutboxStatus.PENDING.name().equals(existing.getString("status"))) {
                return;
            }
            doc = existing;
        }
        if (delivery.conversation() != null) {
            queue(ref(delivery.conversation()), delivery.id(), delivery.sequence(), turnReply);
        }
        if (delivery.channel() == Channel.WEB) {
            // never sent by a worker: returned in the web chat's HTTP answer, or to its page when it asks
            // for what it has not shown ({@link WebReplies#takeUnread}); the queue keeps them until then
            return;
        }
        if (turnReply) {
            unawaited.upsert(DUE, new Document("_id", delivery.id()), new Document("$set", new Document("channel",
                    delivery.channel().id()).append("at", doc.getDate("nextAttemptAt"))));
        } else {
            due(delivery.id(), delivery.channel().id(), doc.getDate("nextAttemptAt").toInstant());
        }
        worker.ifAvailable(w -> w.hint(delivery.id()));
    }

    private void due(String id, String channel, Instant at) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)),
                new Update().set("channel", channel).set("at", Date.from(at)), DUE);
    }

    private void notDue(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), DUE);
    }

    private void queue(String conversation, String id, long sequence) {
        queue(conversation, id, sequence, false);
    }

    private void queue(String conversation, String id, long sequence, boolean unawaitedWrite) {
        Document entry = new Document("id", id).append("sequence", sequence);
        if (unawaitedWrite) {
            unawaited.upsert(QUEUES, new Document("_id", conversation), new Document("$addToSet", new Document("entries", entry)));
        } else {
            mongo.upsert(Query.query(Criteria.where("_id").is(conversation)), new Update().addToSet("entries", entry), QUEUES);
        }
    }

    void dequeue(String conversation, String id) {
        if (conversation != null) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(conversation)),
                    new Update().pull("entries", new Document("id", id)), QUEUES);
        }
    }

    /** The conversation's unfinished entries, first to go first. */
    List<Document> queued(String conversation) {
        Document queue = mongo.findById(conversation, Document.class, QUEUES);
        if (queue == null) {
            return List.of();
        }
        return queue.getList("entries", Document.class, List.of()).stream()
                .sorted(Comparator.comparingLong(e -> ((Number) e.get("sequence")).longValue())).toList();
    }

    /**
     * True when this entry is the first unfinished one of its conversation (or has none). An entry
     * missing from its queue (a crash between insert and queueing) is queued first; a finished entry
     * still at the head (a crash between its end and its removal) is removed.
     */
    boolean isFirstInLine(Document entry) {
        String conversation = entry.getString("conversation");
        if (conversation == null) {
            return true;
        }
        String id = entry.getString("_id");
        List<Document> queued = queued(conversation);
        if (queued.stream().noneMatch(e -> id.equals(e.getString("id")))) {
            queue(conversation, id, ((Number) entry.get("sequence")).longValue());
            queued = queued(conversation);
        }
        for (Document head : queued) {
            String headId = head.getString("id");
            if (headId.equals(id)) {
                return true;
            }
            Document headEntry = byId(headId);
            if (headEntry != null && OutboxStatus.PENDING.name().equals(headEntry.getString("status"))) {
                return false;
            }
            dequeue(conversation, headId);
        }
        return false;
    }

    Document byId(String id) {
        return mongo.findById(id, Document.class, COLLECTION);
    }

    /** The recipient blocked us or unsubscribed: nothing more goes to them until they write again. */
    public void stopRecipient(ConversationKey conversation) {
        stopRecipient(conversation, null);
    }

    /** @param recording the entry whose sender is recording this stop (it finishes that entry itself) */
    void stopRecipient(ConversationKey conversation, String recording) {
        Instant now = clock.instant();
        String ref = ref(conversation);
        mongo.upsert(Query.query(Criteria.where("_id").is(ref)),
                new Update().set("since", Date.from(now)).set("rank", lastRank(ref)), STOPPED);
        for (Document queued : queued(ref)) {
            String id = queued.getString("id");
            if (id.equals(recording)) {
                continue;
            }
            Document entry = byId(id);
            if (entry != null && OutboxStatus.PENDING.name().equals(entry.getString("status"))) {
                // a claim of its own, so that a sender holding it finds its claim gone and records nothing
                Document claimed = claim(entry, "stopped", now);
                if (claimed != null) {
                    markFinal(claimOf(claimed), OutboxStatus.FAILED, ((Number) entry.get("attempts")).intValue(),
                            "recipient gone", now);
                }
            } else {
                dequeue(ref, id);
                notDue(id);
            }
        }
    }

    /**
     * The young person wrote again (the message of rank {@code rank}): replies go to them again, unless
     * they were stopped after that message was counted, which a worker carrying out an old turn must not
     * undo. Ranks, not clocks, decide: the stop records the last rank counted in the conversation.
     * {@code stopped_recipients} holds only stopped recipients: the condition on the rank is cheap there.
     */
    public void resumeRecipient(ConversationKey conversation, long rank) {
        if (conversation.channel() == Channel.WEB) {
            return; // only a provider's report stops a recipient, and no provider carries the web chat
        }
        // read first (by _id): almost no one is stopped, and a read costs no commit where a removal does
        Document stopped = mongo.findById(ref(conversation), Document.class, STOPPED);
        if (stopped != null) {
            mongo.remove(Query.query(Criteria.where("_id").is(ref(conversation)).and("rank").lt(rank)), STOPPED);
        }
    }

    /** The last rank counted in the conversation's inbox (0 if none): what a stop is fenced by. */
    private long lastRank(String conversation) {
        Document counter = mongo.findById(conversation, Document.class, "inbound_sequences");
        return counter == null || counter.get("next") == null ? 0 : ((Number) counter.get("next")).longValue();
    }

    boolean isStopped(String conversation) {
        return conversation != null && mongo.findById(conversation, Document.class, STOPPED) != null;
    }

    // --- the worker's side ---

    /**
     * The ids of the entries of these channels due at {@code now}, the longest due first: read from
     * {@code outbox_due}, which holds only pending entries.
     */
    List<String> dueIds(Collection<String> channels, Instant now, int limit) {
        Query query = Query.query(Criteria.where("at").lte(Date.from(now)));
        return mongo.find(query, Document.class, DUE).stream()
                .filter(d -> channels.contains(d.getString("channel")))
                .sorted(Comparator.comparing(d -> d.getDate("at")))
                .limit(limit).map(d -> d.getString("_id")).toList();
    }

    /** Claims an entry read as pending and free: fails (null) if anyone claimed it since it was read. */
    Document claim(Document entry, String owner, Instant until) {
        return mongo.findAndModify(asRead(entry), nextClaim(entry).set("leaseOwner", owner).set("leaseUntil", Date.from(until)),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
    }

    /** The entry as it was read: matched by its claim's {@code cas}, so that a claim made since wins. */
    private static Query asRead(Document entry) {
        return Query.query(Criteria.where("cas").is(entry.getString("_id") + "#" + ((Number) entry.get("claims")).longValue()));
    }

    /** A claim of its own on the entry read: the generation moved on, so whoever held the one before records nothing. */
    private static Update nextClaim(Document entry) {
        long next = ((Number) entry.get("claims")).longValue() + 1;
        return new Update().set("claims", next).set("cas", entry.getString("_id") + "#" + next);
    }

    /**
     * Ends every claim still running on a pending entry, by a claim of its own that runs out at once
     * (generation moved, lease cleared): a sender holding an older claim, if there were one, would record
     * nothing, and the entry is free for a new claim, hence a new attempt. Only for a store no other process
     * writes to, at start-up, before this process's senders start: every holder is then a dead run of this
     * process. The provider may have taken the dead run's call before it died: the new attempt is then a
     * second send, as when its claim runs out by itself (the window described in docs/outbox.md). Reads
     * {@code outbox_due} (pending entries only), then each entry by {@code _id}.
     *
     * @return how many claims were ended
     */
    public int freeEveryClaim(Instant now) {
        int freed = 0;
        for (Document due : mongo.findAll(Document.class, DUE)) {
            Document entry = byId(due.getString("_id"));
            if (entry == null || !OutboxStatus.PENDING.name().equals(entry.getString("status"))
                    || entry.getDate("leaseUntil") == null || !entry.getDate("leaseUntil").toInstant().isAfter(now)) {
                continue;
            }
            if (mongo.updateFirst(asRead(entry), nextClaim(entry).set("leaseUntil", new Date(0)).unset("leaseOwner"),
                    COLLECTION).getModifiedCount() == 1) {
                freed++;
            }
        }
        return freed;
    }

    static Claim claimOf(Document claimed) {
        return new Claim(claimed.getString("_id"), ((Number) claimed.get("claims")).longValue(), claimed.getString("conversation"));
    }

    /** Extends a claim still held (its sender is still at work); false when it was lost meanwhile. */
    boolean renew(Claim claim, Instant until) {
        return mongo.updateFirst(Query.query(Criteria.where("cas").is(claim.cas())),
                new Update().set("leaseUntil", Date.from(until)), COLLECTION).getModifiedCount() == 1;
    }

    /** @return false when the claim was lost (nothing recorded: the claim that took over decides) */
    boolean markSent(Claim claim, int attempts, String providerId, Instant now) {
        if (providerId != null) {
            // before the entry: a status callback may come as soon as the provider answered
            mongo.upsert(Query.query(Criteria.where("_id").is(providerId)),
                    new Update().set("entry", claim.id()).set("at", Date.from(now)), PROVIDER_IDS);
        }
        return finish(claim, new Update().set("status", OutboxStatus.SENT.name()).set("attempts", attempts)
                .set("providerId", providerId).set("sentAt", Date.from(now)), true);
    }

    boolean markRetry(Claim claim, int attempts, String reason, Instant next) {
        boolean recorded = finish(claim, new Update().set("attempts", attempts).set("lastError", RecipientMask.scrub(reason))
                .set("nextAttemptAt", Date.from(next)), false);
        if (recorded) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.id())), new Update().set("at", Date.from(next)), DUE);
        }
        return recorded;
    }

    boolean markFinal(Claim claim, OutboxStatus status, int attempts, String reason, Instant now) {
        boolean recorded = finish(claim, new Update().set("status", status.name()).set("attempts", attempts)
                .set("lastError", RecipientMask.scrub(reason)).set("finishedAt", Date.from(now)), true);
        if (recorded && status == OutboxStatus.DEAD) {
            Document entry = byId(claim.id());
            mongo.upsert(Query.query(Criteria.where("_id").is(claim.id())), new Update().set("at", Date.from(now))
                    .set("channel", entry == null ? null : entry.getString("channel")), DEAD);
        }
        return recorded;
    }

    /** One fenced write: by the claim's {@code cas}; an entry that is done leaves the live collections. */
    private boolean finish(Claim claim, Update update, boolean done) {
        boolean recorded = mongo.updateFirst(Query.query(Criteria.where("cas").is(claim.cas())),
                update.set("leaseUntil", new Date(0)).unset("leaseOwner"), COLLECTION).getModifiedCount() == 1;
        if (recorded && done) {
            notDue(claim.id());
            dequeue(claim.conversation(), claim.id());
        }
        return recorded;
    }

    /**
     * Takes back an entry its turn should not have written (its conversation was erased meanwhile):
     * cancelled if still pending, under a claim of its own so that a sender holding an older claim
     * records nothing; its text and recipient emptied in any case.
     */
    public void cancel(String id) {
        Update empty = new Update().set("payload", new Document("kind", "chat").append("text", "").append("erased", true))
                .set("recipient", ERASED).unset("recipientLookup");
        for (int attempt = 0; attempt < 5; attempt++) {
            Document entry = byId(id);
            if (entry == null) {
                return;
            }
            if (attempt == 0) {
                // a turn's reply taken back may never have been listed with its message (whose turn did not end)
                lists.list(Map.of(RetentionLists.OUTBOX, List.of(id)), clock.instant());
            }
            if (!OutboxStatus.PENDING.name().equals(entry.getString("status"))) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), empty, COLLECTION);
                notDue(id);
                return;
            }
            Instant now = clock.instant();
            Document claimed = claim(entry, "cancel", now);
            if (claimed != null && finish(claimOf(claimed), Update.fromDocument(empty.getUpdateObject())
                    .set("status", OutboxStatus.CANCELLED.name()).set("finishedAt", Date.from(now)), true)) {
                return;
            }
        }
    }

    /** An entry found done while still in {@code outbox_due} (a crash between its end and the removal). */
    void forgetDue(String id) {
        notDue(id);
    }

    /**
     * A dead letter back to pending, attempts from zero, and back in its conversation's queue at its
     * own sequence (so before what of that conversation still waits). A claim of its own: of two
     * clicks on Retry, one changes the entry.
     */
    Document revive(String id, Instant now) {
        Document entry = byId(id);
        if (entry == null || !OutboxStatus.DEAD.name().equals(entry.getString("status"))) {
            return null;
        }
        Document revived = mongo.findAndModify(asRead(entry),
                nextClaim(entry).set("status", OutboxStatus.PENDING.name()).set("attempts", 0)
                        .set("nextAttemptAt", Date.from(now)).set("leaseUntil", new Date(0)).unset("leaseOwner")
                        .set("revivedAt", Date.from(now)).inc("revivals", 1),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (revived == null) {
            return null;
        }
        mongo.remove(Query.query(Criteria.where("_id").is(id)), DEAD);
        String conversation = revived.getString("conversation");
        if (conversation != null) {
            queue(conversation, id, ((Number) revived.get("sequence")).longValue());
        }
        due(id, revived.getString("channel"), now);
        worker.ifAvailable(w -> w.hint(id));
        return revived;
    }

    /** Dead letters, the most recent first, read through {@code outbox_dead}. */
    List<Document> dead(int limit) {
        return mongo.findAll(Document.class, DEAD).stream()
                .sorted(Comparator.comparing((Document d) -> d.getDate("at")).reversed())
                .map(d -> byId(d.getString("_id"))).filter(Objects::nonNull)
                .filter(e -> OutboxStatus.DEAD.name().equals(e.getString("status")))
                .limit(limit).toList();
    }

    /** Pending and dead entries are counted in their small collections; other statuses scan the record (tests, operators). */
    public long count(OutboxStatus status) {
        return switch (status) {
            case PENDING -> mongo.getCollection(DUE).estimatedDocumentCount();
            case DEAD -> mongo.getCollection(DEAD).estimatedDocumentCount();
            default -> mongo.count(Query.query(Criteria.where("status").is(status.name())), COLLECTION);
        };
    }

    /** The conversation's entries in order, recipient and payload opened (for operators and tests). */
    public List<Document> entries(ConversationKey conversation) {
        return opened(mongo.find(Query.query(Criteria.where("conversation").is(ref(conversation)))
                .with(Sort.by("sequence")), Document.class, COLLECTION));
    }

    /** These entries, in their conversation's order, recipient and payload opened: read by {@code _id} (any store's index). */
    public List<Document> entries(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return opened(mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION).stream()
                .sorted(Comparator.comparingLong(e -> e.get("sequence") instanceof Number n ? n.longValue() : 0L)).toList());
    }

    private List<Document> opened(List<Document> entries) {
        for (Document entry : entries) {
            Delivery opened = delivery(entry, ((Number) entry.get("attempts")).intValue());
            entry.put("recipient", opened.recipient());
            entry.put("payload", payload(entry));
        }
        return entries;
    }

    /**
     * How the store names a conversation: {@code channel:lookupKey(address)}, in the entries'
     * {@code conversation} field and as the id of its {@code outbox_queues} and {@code stopped_recipients} documents.
     */
    public String ref(ConversationKey conversation) {
        return personalData.conversationRef(conversation);
    }

    /**
     * An entry as its deliverer takes it: recipient and payload opened. A conversation's replies go
     * to its address, so its key is the channel and the recipient.
     */
    Delivery delivery(Document entry, int attempt) {
        Channel channel = Channel.valueOf(entry.getString("channel").toUpperCase(java.util.Locale.ROOT));
        String recipient = recipient(entry);
        ConversationKey conversation = entry.getString("conversation") == null ? null : new ConversationKey(channel, recipient);
        return new Delivery(entry.getString("_id"), channel, recipient, conversation,
                ((Number) entry.get("sequence")).longValue(), attempt, StoredPayloads.read(payload(entry)));
    }

    /** The entry's recipient in clear (an erased one stays {@value #ERASED}): for masking on display. */
    String recipient(Document entry) {
        String recipient = entry.getString("recipient");
        return recipient == null || ERASED.equals(recipient) ? recipient
                : personalData.open(recipient, field(entry.getString("_id"), "recipient"));
    }

    /** Where a sealed value of an outbox entry lives: its place, bound to the value. */
    static SealedField field(String id, String name) {
        return SealedField.of(COLLECTION, id, name);
    }

    /** The payload, opened; an erased one is stored as an empty chat text in clear. */
    Document payload(Document entry) {
        Object payload = entry.get("payload");
        return payload instanceof String sealedPayload ? sealed.open(sealedPayload, field(entry.getString("_id"), "payload"))
                : (Document) payload;
    }
}
