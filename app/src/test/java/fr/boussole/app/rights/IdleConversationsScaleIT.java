package fr.boussole.app.rights;

import fr.boussole.app.testing.ChatClient;
import fr.boussole.app.testing.CountingStore;
import fr.boussole.app.testing.Instances;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.retention.IdleConversations;
import fr.boussole.pipeline.conversation.Conversations;
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
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention run finds the idle conversations at the cost of those it finds, not of all those stored, counted in
 * documents the store examines (its {@code docsExamined}): among {@value #STORED} conversations still active, a run
 * erasing {@value #IDLE} idle ones examines a few documents for each of their messages. It found them by a query on
 * {@code updatedAt}, which the embedded store answers by walking the whole collection while holding it, once an
 * hour (3.0–3.7 s a run at 100,000 conversations, against 0.4–0.6 s on a fresh store). The conversations are
 * written as the code before the lists left them; the first run lists them, once, in slices that each read only
 * the conversations they list.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdleConversationsScaleIT {

    static final int STORED = 20_000;
    /** Stored before the lists and idle: the one walk lists them where the run finds them. */
    static final int STORED_IDLE = 2;
    static final int IDLE = 3;
    static final int MESSAGES = 3;

    static CountingStore store;
    static ConfigurableApplicationContext app;
    static ChatClient chat;
    static MongoTemplate mongo;
    /** A month and a day on: what is said now is idle then; the stored conversations (a day old then) are not. */
    static final Instant NOW = Instant.now().plus(Duration.ofDays(31));
    static final Instant CUTOFF = NOW.minus(Duration.ofDays(30));

    @BeforeAll
    static void start() {
        store = new CountingStore();
        // the job must not run by itself during the test: only when the test calls it
        app = Instances.start("spring.mongodb.uri=" + store.uri(), "boussole.retention.first-check=P1D");
        chat = new ChatClient(((WebServerApplicationContext) app).getWebServer().getPort());
        mongo = app.getBean(MongoTemplate.class);
        PersonalData personalData = app.getBean(PersonalData.class);
        List<Document> conversations = new ArrayList<>();
        for (int c = 0; c < STORED + STORED_IDLE; c++) {
            ConversationKey key = new ConversationKey(Channel.SMS, "+337%08d".formatted(c));
            String ref = personalData.conversationRef(key);
            Instant at = c < STORED ? NOW.minus(Duration.ofDays(1)) : CUTOFF.minus(Duration.ofDays(10));
            conversations.add(new Document("_id", ref).append("address", personalData.seal(key.address(), Conversations.field(ref, "address")))
                    .append("version", 1L).append("cas", ref + "#1").append("epoch", Ids.random("ep")).append("optedOut", false)
                    .append("updatedAt", Date.from(at)));
            if (conversations.size() == 1000) {
                mongo.insert(conversations, "conversations");
                conversations = new ArrayList<>();
            }
        }
        mongo.insert(conversations, "conversations");
    }

    @AfterAll
    static void stop() {
        app.close();
        store.shutdown();
    }

    /** The first run lists the stored conversations: each read once (slices through the unique index), never walked per slice. */
    @Test
    @Order(1)
    void the_first_run_lists_the_stored_conversations_reading_each_once() {
        Map<String, Long> before = store.examined();
        int forgotten = app.getBean(IdleConversations.class).forgetIdle(CUTOFF, NOW);
        Map<String, Long> spent = store.examinedSince(before);
        System.out.printf("IdleConversationsScaleIT: the first run, listing %d stored conversations, examined %s%n",
                STORED + STORED_IDLE, spent);

        assertThat(forgotten).as("the idle ones stored before the lists").isEqualTo(STORED_IDLE);
        // the counters count a document read through an index twice (its position, then the document): two for each
        // conversation, where a walk per slice would examine the whole collection 65 times
        assertThat(spent.getOrDefault("conversations", 0L)).as("conversations examined listing them (%s)", spent)
                .isLessThanOrEqualTo(2L * (STORED + STORED_IDLE) + 100);
        assertThat(mongo.getCollection("conversations").countDocuments()).isEqualTo(STORED);
    }

    @Test
    @Order(2)
    void a_run_examines_the_idle_conversations_not_all_those_stored() {
        List<ConversationKey> idle = new ArrayList<>();
        for (int c = 0; c < IDLE; c++) {
            for (int m = 0; m < MESSAGES; m++) {
                assertThat(chat.say("idle-scale-" + c, "message " + m).statusCode()).isEqualTo(200);
            }
            idle.add(new ConversationKey(Channel.WEB, "idle-scale-" + c));
        }

        Map<String, Long> before = store.examined();
        long started = System.nanoTime();
        int forgotten = app.getBean(IdleConversations.class).forgetIdle(CUTOFF, NOW);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, Long> spent = store.examinedSince(before);
        long examined = spent.values().stream().mapToLong(Long::longValue).sum();
        // the time is printed for BENCHMARKS.md (in-memory store, one run), never asserted
        System.out.printf("IdleConversationsScaleIT: a run erasing %d idle conversations of %d messages among %d stored"
                + " examined %d documents in %d ms: %s%n", IDLE, MESSAGES, STORED, examined, millis, spent);

        assertThat(forgotten).isEqualTo(IDLE);
        PersonalData personalData = app.getBean(PersonalData.class);
        for (ConversationKey key : idle) {
            assertThat(mongo.findById(personalData.conversationRef(key), Document.class, "conversations")).isNull();
        }
        assertThat(mongo.getCollection("conversations").countDocuments()).as("the active ones stay").isEqualTo(STORED);
        assertThat(examined).as("documents examined by a run erasing %d conversations (%s)", IDLE, spent)
                .isLessThanOrEqualTo(40L * IDLE * MESSAGES + 100);
    }

    /**
     * A run whose limit falls in the hour a conversation was listed in, after its last message, leaves it listed
     * there; the next run past its time erases it, and its listing goes.
     */
    @Test
    @Order(3)
    void a_conversation_active_in_its_listing_hour_stays_listed_until_idle() {
        ConversationKey key = new ConversationKey(Channel.WEB, "idle-scale-late");
        String ref = app.getBean(PersonalData.class).conversationRef(key);
        assertThat(chat.say(key.address(), "bonjour").statusCode()).isEqualTo(200);
        IdleConversations conversations = app.getBean(IdleConversations.class);
        Instant said = mongo.findById(ref, Document.class, "conversations").getDate("updatedAt").toInstant();

        assertThat(conversations.forgetIdle(said, NOW)).as("not idle at its own time").isZero();
        assertThat(listings(ref)).as("still listed").isNotEmpty();

        assertThat(conversations.forgetIdle(CUTOFF, NOW)).isEqualTo(1);
        assertThat(mongo.findById(ref, Document.class, "conversations")).isNull();
        assertThat(listings(ref)).as("its listing gone").isEmpty();
        assertThat(conversations.forgetIdle(CUTOFF, NOW)).as("a second run").isZero();
    }

    /**
     * An erasure of the whole conversation (outside a run: the one an animateur's request makes, here through the
     * retention's subject, which takes the same path without a lookup of a person) takes its listing with it: no
     * list keeps its key until a run drops it.
     */
    @Test
    @Order(4)
    void an_erasure_takes_the_listing() {
        ConversationKey key = new ConversationKey(Channel.WEB, "idle-scale-asks");
        String ref = app.getBean(PersonalData.class).conversationRef(key);
        assertThat(chat.say(key.address(), "bonjour").statusCode()).isEqualTo(200);
        assertThat(listings(ref)).hasSize(1);

        app.getBean(fr.boussole.core.rights.DataRights.class)
                .erase(new fr.boussole.core.rights.DataSubject.Idle(key, NOW), NOW);

        assertThat(mongo.findById(ref, Document.class, "conversations")).isNull();
        assertThat(listings(ref)).as("its listing gone with it").isEmpty();
    }

    /** The lists naming the conversation (a walk: the test's own look). */
    private static List<Document> listings(String ref) {
        return mongo.find(Query.query(Criteria.where("conversation").is(ref)), Document.class, "conversation_lists");
    }
}
