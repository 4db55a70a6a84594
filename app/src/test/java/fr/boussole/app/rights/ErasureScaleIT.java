package fr.boussole.app.rights;

import fr.boussole.app.testing.ChatClient;
import fr.boussole.app.testing.CountingStore;
import fr.boussole.app.testing.FinishedHistory;
import fr.boussole.app.testing.Instances;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.retention.IdleConversations;
import fr.boussole.core.rights.DataRights;
import fr.boussole.core.rights.DataSubject;
import fr.boussole.core.rights.HeldRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasing a conversation costs its own records, not the history, counted in documents the store examines (its
 * {@code docsExamined}): among {@value #HISTORY} messages and {@value #HISTORY} deliveries of other conversations,
 * the retention job erasing {@value #IDLE} idle conversations, and a young person's erasure and export of their
 * own, examine a few documents for each message of those conversations. The erasure found a conversation's
 * messages and deliveries by a query on the conversation, which the embedded store (unique indexes only) answers
 * by walking the collection while holding it: about six walks of the messages and two of the deliveries for
 * each conversation erased, in the hourly job, and in every erasure or export on request.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureScaleIT {

    static final int HISTORY = 20_000;
    static final int IDLE = 3;
    static final int MESSAGES = 3;

    static CountingStore store;
    static ConfigurableApplicationContext app;
    static ChatClient chat;
    static MongoTemplate mongo;
    /** A month and a day on: what is said now is idle then; the history (a day old then) is not due. */
    static final Instant NOW = Instant.now().plus(Duration.ofDays(31));

    @BeforeAll
    static void start() {
        store = new CountingStore();
        // the job must not run by itself during the test: only when the test calls it
        app = Instances.start("spring.mongodb.uri=" + store.uri(), "boussole.retention.first-check=P1D");
        chat = new ChatClient(((WebServerApplicationContext) app).getWebServer().getPort());
        mongo = app.getBean(MongoTemplate.class);
        FinishedHistory.add(mongo, HISTORY, NOW.minus(Duration.ofDays(1)));
        app.getBean(RetentionJob.class).run(NOW); // lists, once, what was stored before the lists existed
    }

    @AfterAll
    static void stop() {
        app.close();
        store.shutdown();
    }

    @Test
    @Order(1)
    void erasing_idle_conversations_examines_their_records_not_the_history() {
        List<ConversationKey> idle = conversations("erasure-scale-idle-", IDLE);
        assertThat(stored(idle.getFirst())).as("the conversation's messages, before").hasSize(MESSAGES);

        Map<String, Long> before = store.examined();
        long started = System.nanoTime();
        int forgotten = app.getBean(IdleConversations.class).forgetIdle(NOW.minus(Duration.ofDays(30)), NOW);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, Long> spent = store.examinedSince(before);
        long examined = total(spent);
        // the time is printed for BENCHMARKS.md (in-memory store, one run), never asserted
        System.out.printf("ErasureScaleIT: erasing %d idle conversations of %d messages each among %d messages and %d"
                + " deliveries examined %d documents in %d ms: %s%n", IDLE, MESSAGES, HISTORY, HISTORY, examined, millis,
                spent);

        assertThat(forgotten).isEqualTo(IDLE);
        for (ConversationKey key : idle) {
            assertThat(stored(key)).as("no message left under the conversation's name").isEmpty();
        }
        assertThat(mongo.find(Query.query(Criteria.where("payload.erased").is(true)), Document.class, "outbox"))
                .as("the replies emptied").hasSizeGreaterThanOrEqualTo(IDLE * MESSAGES);
        assertThat(mongo.getCollection("inbound_messages").countDocuments(
                        new org.bson.Document("text", "").append("erased", true)))
                .as("the texts emptied").isGreaterThanOrEqualTo(IDLE * MESSAGES);
        assertThat(examined).as("documents examined erasing %d conversations (%s)", IDLE, spent)
                .isLessThanOrEqualTo(40L * IDLE * MESSAGES + 100);
    }

    @Test
    @Order(2)
    void an_erasure_and_an_export_on_request_examine_the_conversation_not_the_history() {
        ConversationKey key = conversations("erasure-scale-asks-", 1).getFirst();
        // it goes on: not idle for the retention job of the other test
        mongo.updateFirst(Query.query(Criteria.where("_id").is(app.getBean(PersonalData.class).conversationRef(key))),
                new org.springframework.data.mongodb.core.query.Update().set("updatedAt", java.util.Date.from(NOW)),
                "conversations");
        DataRights rights = app.getBean(DataRights.class);

        Map<String, Long> before = store.examined();
        List<HeldRecord> exported = rights.export(new DataSubject.Writer(key, MESSAGES));
        Map<String, Long> exporting = store.examinedSince(before);
        before = store.examined();
        Map<String, Integer> erased = rights.erase(new DataSubject.Writer(key, MESSAGES), NOW);
        Map<String, Long> erasing = store.examinedSince(before);
        System.out.printf("ErasureScaleIT: an export of a conversation of %d messages examined %d documents: %s;"
                + " its erasure %d: %s%n", MESSAGES, total(exporting), exporting, total(erasing), erasing);

        assertThat(exported).filteredOn(r -> r.kind().equals("inbound-message")).hasSize(MESSAGES);
        assertThat(exported).filteredOn(r -> r.kind().equals("outbound-message")).hasSizeGreaterThanOrEqualTo(MESSAGES);
        assertThat(erased).containsEntry("inbound-message", MESSAGES);
        assertThat(erased.get("outbound-message")).isGreaterThanOrEqualTo(MESSAGES - 1);
        assertThat(total(exporting)).as("documents examined by an export (%s)", exporting)
                .isLessThanOrEqualTo(40L * MESSAGES + 50);
        assertThat(total(erasing)).as("documents examined by an erasure (%s)", erasing)
                .isLessThanOrEqualTo(40L * MESSAGES + 50);
    }

    /**
     * A reply is found through the message it answers; one that outlives its message (the limits differ, or it
     * was written after the cutoff) is listed under its conversation as the message goes, and one whose message
     * went before that list existed is listed by the one walk of the first run: both go with the conversation.
     * Last: the pruning takes every message said so far.
     */
    @Test
    @Order(3)
    void replies_that_outlived_their_message_go_with_the_conversation() {
        List<ConversationKey> keys = new java.util.ArrayList<>(conversations("erasure-scale-orphans-", 1));
        List<String> pruned = replies(keys.get(0));
        assertThat(pruned).hasSizeGreaterThanOrEqualTo(MESSAGES);
        // the first conversation's messages pruned now (their replies, on a longer limit, stay)
        app.getBean(fr.boussole.core.retention.OldMessages.class).pruneInbound(NOW.minus(Duration.ofDays(30)));
        assertThat(stored(keys.get(0))).isEmpty();
        // the second's as the code before the list pruned them, then the upgrade's one walk
        keys.addAll(conversations("erasure-scale-before-", 1));
        List<String> beforeTheList = replies(keys.get(1));
        mongo.remove(Query.query(Criteria.where("conversation")
                .is(app.getBean(PersonalData.class).conversationRef(keys.get(1)))), "inbound_messages");
        mongo.remove(Query.query(Criteria.where("_id").is("outbox-orphans")), "pipeline_migrations");
        app.getBean(fr.boussole.core.retention.OldMessages.class).pruneOutbox(NOW.minus(Duration.ofDays(365)));

        assertThat(app.getBean(IdleConversations.class).forgetIdle(NOW.minus(Duration.ofDays(30)), NOW)).isEqualTo(2);

        for (List<String> ids : List.of(pruned, beforeTheList)) {
            assertThat(mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, "outbox"))
                    .as("the replies of a conversation whose messages went first").hasSize(ids.size())
                    .allSatisfy(entry -> {
                        assertThat(entry.getString("recipient")).isEqualTo("erased");
                        assertThat(entry.get("payload", Document.class).getBoolean("erased")).isTrue();
                    });
        }
    }

    /** The ids of the conversation's replies (a walk: the test's own look). */
    private static List<String> replies(ConversationKey key) {
        String ref = app.getBean(PersonalData.class).conversationRef(key);
        return mongo.find(Query.query(Criteria.where("conversation").is(ref)), Document.class, "outbox").stream()
                .map(d -> d.getString("_id")).toList();
    }

    /** Web chat conversations of {@value #MESSAGES} messages each, answered. */
    private static List<ConversationKey> conversations(String prefix, int count) {
        List<ConversationKey> keys = new java.util.ArrayList<>();
        for (int c = 0; c < count; c++) {
            for (int m = 0; m < MESSAGES; m++) {
                assertThat(chat.say(prefix + c, "message " + m).statusCode()).isEqualTo(200);
            }
            keys.add(new ConversationKey(Channel.WEB, prefix + c));
        }
        return keys;
    }

    /** The messages stored under the conversation's name (a walk: the test's own look, not measured). */
    private static List<Document> stored(ConversationKey key) {
        String ref = app.getBean(PersonalData.class).conversationRef(key);
        return mongo.find(Query.query(Criteria.where("conversation").is(ref)), Document.class, "inbound_messages");
    }

    private static long total(Map<String, Long> spent) {
        return spent.values().stream().mapToLong(Long::longValue).sum();
    }
}
