package fr.boussole.pipeline.inbound;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages of one conversation recorded at the same moment each take a rank of their own, with no rank left
 * empty: an empty rank holds the whole conversation up until {@code gapTimeout} (30 s) gives it up. On the
 * real driver and mongo-java-server, whose answer to a findAndModify "after" is the stored document itself,
 * serialised once the collection's lock is released: a concurrent increment could change it first, so that
 * several recordings read the same rank (CI, 2026-12-07: PipelineIT's 40 concurrent messages waited 30 s).
 */
class ConcurrentRanksIT {

    static MongoServer store;
    static MongoClient client;
    static MongoTemplate mongo;

    @BeforeAll
    static void startStore() {
        store = new MongoServer(new MemoryBackend());
        store.bind();
        client = MongoClients.create(store.getConnectionString());
        mongo = new MongoTemplate(client, "boussole");
    }

    @AfterAll
    static void stopStore() {
        client.close();
        store.shutdownNow();
    }

    /** Broken promise if it fails: a burst of messages stalls its conversation for the gap timeout. */
    @Test
    void messages_recorded_at_once_take_one_rank_each_and_leave_none_empty() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-12-07T15:00:00Z"));
        InboundMessages messages = new InboundMessages(mongo, clock, PersonalData.generate(), Duration.ofSeconds(30));
        Set<Long> taken = ConcurrentHashMap.newKeySet();
        List<Long> takenTwice = java.util.Collections.synchronizedList(new ArrayList<>());
        messages.afterRankTaken = rank -> {
            if (!taken.add(rank)) {
                takenTwice.add(rank);
            }
        };
        int threads = 8;
        int perConversation = 40;
        ExecutorService posters = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 20; round++) {
                taken.clear();
                ConversationKey conversation = new ConversationKey(Channel.SMS, "+3362000" + (1000 + round));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> recorded = new ArrayList<>();
                for (int i = 0; i < perConversation; i++) {
                    Inbound message = Inbound.text("SMburst" + round + "-" + i, conversation, "m" + i, clock.instant());
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
}
