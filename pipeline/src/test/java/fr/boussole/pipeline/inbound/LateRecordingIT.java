package fr.boussole.pipeline.inbound;

import fr.boussole.testing.TestStore;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.testing.TestClock;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranks that hold no message, and recordings that land late, on the real driver and a
 * mongo-java-server. The window between counting a rank and inserting the message is opened with
 * the package-private seams of {@link InboundMessages}; the time it lasts is a clock the test moves.
 * <p>
 * The promise: a message whose recording returned true is processed, in the order of the rank it
 * finally holds; a rank lost for good holds the conversation up for a bounded time only.
 */
class LateRecordingIT {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final AtomicInteger PHONES = new AtomicInteger(610000000);

    @RegisterExtension
    static final TestStore STORE = new TestStore();
    static MongoTemplate mongo;

    TestClock clock;
    InboundMessages messages;
    ConversationKey conversation;

    @BeforeAll
    static void template() {
        mongo = STORE.mongo();
    }

    @BeforeEach
    void fresh() {
        clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
        messages = new InboundMessages(mongo, clock, PersonalData.generate(), TIMEOUT);
        conversation = new ConversationKey(Channel.SMS, "+33" + PHONES.incrementAndGet());
    }

    /** Broken promise if it fails: an acknowledged message recorded after its rank was given up is never processed. */
    @Test
    void a_recording_delayed_past_the_gap_timeout_is_processed_after_the_messages_that_overtook_it() {
        Inbound late = sms("SMlate", "en retard");
        Inbound next = sms("SMnext", "suivant");
        messages.afterRankTaken = rank -> {
            messages.afterRankTaken = r -> {};
            // the store stalls for longer than the timeout; meanwhile the young person writes again
            clock.advance(TIMEOUT.plusSeconds(1));
            assertThat(messages.insert(next, clock.instant())).isTrue();
            Optional<InboundMessage> head = messages.head(conversation);
            assertThat(head).as("the stalled rank is given up, the next message goes on")
                    .map(InboundMessage::sequence).contains(2L);
            processed(head.get());
        };

        assertThat(messages.insert(late, clock.instant())).as("recorded, so acknowledged to the provider").isTrue();

        Optional<InboundMessage> head = messages.head(conversation);
        assertThat(head).as("the late message is the head now").isPresent();
        assertThat(head.get().inbound().providerMessageId()).isEqualTo("SMlate" + conversation.address());
        assertThat(head.get().sequence()).as("a new rank, after the message that overtook it").isEqualTo(3L);
        assertThat(statusAt(1)).isEqualTo(InboundMessages.GAP);
        processed(head.get());
        assertThat(messages.head(conversation)).isEmpty();
        assertThat(messages.all(conversation)).extracting(m -> m.inbound().providerMessageId())
                .containsExactly("SMnext" + conversation.address(), "SMlate" + conversation.address());
    }

    /** Broken promise if it fails: a placeholder hides a message whose recording returned. */
    @Test
    void a_placeholder_never_takes_the_rank_of_a_message_that_landed_just_before_it() throws Exception {
        CountDownLatch rankTaken = new CountDownLatch(1);
        CountDownLatch stallOver = new CountDownLatch(1);
        messages.afterRankTaken = rank -> {
            rankTaken.countDown();
            await(stallOver);
        };
        CompletableFuture<Boolean> recording = CompletableFuture.supplyAsync(() -> messages.insert(sms("SMslow", "lent"), clock.instant()));
        await(rankTaken);
        messages.afterRankTaken = rank -> {};
        clock.advance(TIMEOUT.plusSeconds(1));
        // head() finds rank 1 empty for too long; just before its placeholder goes in, the recording lands
        messages.beforeGap = rank -> {
            stallOver.countDown();
            assertThat(recording.join()).isTrue();
        };

        Optional<InboundMessage> head = messages.head(conversation);

        assertThat(recording.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(head).as("the recorded message, not a placeholder").isPresent();
        assertThat(head.get().inbound().providerMessageId()).isEqualTo("SMslow" + conversation.address());
        assertThat(head.get().sequence()).isEqualTo(1L);
        assertThat(mongo.count(Query.query(Criteria.where("conversation").is(messages.ref(conversation))
                .and("status").is(InboundMessages.GAP)), InboundMessages.COLLECTION)).isZero();
    }

    /**
     * Broken promise if it fails: a provider's redelivery, even racing the first delivery, is
     * recorded twice; or the rank the loser took is left empty (placeholders used to collide on the
     * provider-id index, so only the first one of the whole store ever went in: hence two conversations).
     */
    @Test
    void a_provider_message_delivered_twice_stays_a_duplicate_even_when_both_race() {
        for (int round = 0; round < 2; round++) {
            conversation = new ConversationKey(Channel.SMS, "+33" + PHONES.incrementAndGet());
            Inbound message = sms("SMtwice", "bonjour");
            messages.afterRankTaken = rank -> {
                messages.afterRankTaken = r -> {};
                assertThat(messages.insert(message, clock.instant())).as("the redelivery overtakes the first").isTrue();
            };

            assertThat(messages.insert(message, clock.instant())).as("the first delivery finds it recorded").isFalse();
            assertThat(messages.insert(message, clock.instant())).as("a later delivery too").isFalse();

            assertThat(messages.all(conversation)).hasSize(1);
            assertThat(statusAt(1)).as("the rank the loser took is filled, so it holds nothing up").isEqualTo(InboundMessages.GAP);
            assertThat(messages.head(conversation)).map(InboundMessage::sequence).contains(2L);
        }
    }

    /** Broken promise if it fails: a rank lost by a crash holds the conversation up for as long as messages keep arriving. */
    @Test
    void a_lost_rank_holds_the_conversation_up_until_it_is_older_than_the_timeout_whatever_arrives_after_it() {
        messages.afterRankTaken = rank -> {
            messages.afterRankTaken = r -> {};
            throw new IllegalStateException("the instance dies between counting and inserting");
        };
        Instant lost = clock.instant();
        try {
            messages.insert(sms("SMlost", "perdu"), clock.instant());
        } catch (IllegalStateException crash) {
            // the rank is lost
        }
        clock.advance(Duration.ofSeconds(5));
        messages.insert(sms("SMfirst", "un"), clock.instant());
        assertThat(messages.head(conversation)).as("rank 1 may still be recording").isEmpty();

        // messages keep coming every 10 s: under the old rule (30 s without any arrival) the wait went on
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofSeconds(10));
            messages.insert(sms("SMmore" + i, "encore"), clock.instant());
            assertThat(messages.head(conversation)).as("not before the timeout").isEmpty();
        }
        clock.advance(Duration.ofSeconds(6));
        assertThat(clock.instant()).as("6 s after the last arrival").isEqualTo(lost.plus(TIMEOUT).plusSeconds(1));

        Optional<InboundMessage> head = messages.head(conversation);
        assertThat(head).map(m -> m.inbound().providerMessageId()).contains("SMfirst" + conversation.address());
        assertThat(statusAt(1)).isEqualTo(InboundMessages.GAP);
    }

    /**
     * Broken promise if it fails: a burst of messages stalls its conversation for the gap timeout. Messages of one
     * conversation recorded at the same moment must each take a rank of their own and leave none empty. The rank
     * used to come from a findAndModify "after", which mongo-java-server answers with its stored document itself,
     * serialised once the collection's lock is released: a concurrent increment could change it first, so several
     * recordings read the same rank (CI, 2026-12-07: PipelineIT's 40 concurrent messages waited 30 s).
     */
    @Test
    void messages_recorded_at_once_take_one_rank_each_and_leave_none_empty() throws Exception {
        Set<Long> taken = ConcurrentHashMap.newKeySet();
        List<Long> takenTwice = Collections.synchronizedList(new ArrayList<>());
        messages.afterRankTaken = rank -> {
            if (!taken.add(rank)) {
                takenTwice.add(rank);
            }
        };
        int perConversation = 40;
        ExecutorService posters = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                taken.clear();
                conversation = new ConversationKey(Channel.SMS, "+33" + PHONES.incrementAndGet());
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> recorded = new ArrayList<>();
                for (int i = 0; i < perConversation; i++) {
                    Inbound message = sms("SMburst" + i, "m" + i);
                    recorded.add(posters.submit(() -> {
                        start.await();
                        return messages.insert(message, clock.instant());
                    }));
                }
                start.countDown();
                for (Future<Boolean> r : recorded) {
                    assertThat(r.get()).isTrue();
                }
                assertThat(messages.all(conversation)).extracting(InboundMessage::sequence)
                        .as("round %d: ranks 1..%d, one message each", round, perConversation)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, perConversation).boxed().toList());
            }
        } finally {
            posters.shutdownNow();
        }
        assertThat(takenTwice).as("ranks handed to two recordings").isEmpty();
    }

    private Inbound sms(String providerId, String text) {
        return Inbound.text(providerId + conversation.address(), conversation, text, clock.instant());
    }

    private void processed(InboundMessage message) {
        messages.markProcessed(message, List.of(), clock.instant());
    }

    private String statusAt(long rank) {
        Document doc = mongo.findOne(Query.query(Criteria.where("conversation").is(messages.ref(conversation))
                .and("sequence").is(rank)), Document.class, InboundMessages.COLLECTION);
        return doc == null ? null : doc.getString("status");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
