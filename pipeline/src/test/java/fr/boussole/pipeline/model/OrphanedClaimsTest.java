package fr.boussole.pipeline.model;

import com.mongodb.client.model.Filters;
import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.settings.StoreSharing;
import fr.boussole.testing.TestStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed while it holds a conversation's lease (its worker in the middle of a turn) and an
 * outbox claim (its sender in the middle of a provider call), then started again on the same store. When
 * the assembly says the store is this process's alone, the new run takes both over at once (the claim
 * ended at start, the lease taken as soon as a worker wants it): the pending message is processed and the
 * reply sent again, under new generations (so nothing the dead run would still write counts). On a shared
 * store it takes over nothing: the claims may be a live process's. The lease is ten minutes long, so that
 * only taking them over explains an answer within the wait.
 */
class OrphanedClaimsTest {

    static final Map<String, Object> SETTINGS = Map.of("boussole.pipeline.poll-interval", "50ms",
            "boussole.pipeline.lease", "10m", "boussole.pipeline.processing-backoff", "20ms",
            "boussole.pipeline.delivery-backoff", "20ms", "boussole.pipeline.max-backoff", "100ms");

    final ConversationKey lea = new ConversationKey(Channel.SMS, "+33611000011");
    final ConversationKey tom = new ConversationKey(Channel.SMS, "+33611000012");
    final PersonalData keys = PersonalData.generate();
    final List<PipelineInstance> instances = new ArrayList<>();
    /** Held by the first run: its engine in the middle of tom's turn, its provider in the middle of lea's reply. */
    final CountDownLatch inTurn = new CountDownLatch(1);
    final CountDownLatch inCall = new CountDownLatch(1);
    final CountDownLatch killed = new CountDownLatch(1);
    final List<String> sentAfterRestart = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final TestStore store = new TestStore();
    @AfterEach
    void stop() {
        killed.countDown();
        instances.forEach(PipelineInstance::close);
    }

    @Test
    void on_a_store_of_its_own_a_restarted_process_takes_over_what_its_dead_run_held_and_answers_at_once() throws Exception {
        Held held = killWhileHolding();

        start("second run", new Echo(null), StoreSharing.EXCLUSIVE, StaleWorkerTest.recording(sentAfterRestart));

        StaleWorkerTest.await("tom's message processed and answered after the restart", () -> sentAfterRestart.contains("echo slow"));
        StaleWorkerTest.await("lea's reply sent again after the restart", () -> sentAfterRestart.contains("echo hello"));
        Document lease = store.client().getDatabase("boussole").getCollection("leases").find(Filters.eq("_id", held.lease().getString("_id"))).first();
        assertThat(((Number) lease.get("generation")).longValue()).as("the dead run's lease generation moved on")
                .isGreaterThan(((Number) held.lease().get("generation")).longValue());
        StaleWorkerTest.await("lea's reply recorded as sent", () -> "SENT".equals(
                outbox().find(Filters.eq("_id", held.claim().getString("_id"))).first().getString("status")));
        Document reply = outbox().find(Filters.eq("_id", held.claim().getString("_id"))).first();
        assertThat(((Number) reply.get("claims")).longValue()).as("sent under a claim newer than the dead run's")
                .isGreaterThan(((Number) held.claim().get("claims")).longValue());
        assertThat(sentAfterRestart).as("each reply sent once by the second run").containsExactlyInAnyOrder("echo hello", "echo slow");
    }

    @Test
    void on_a_shared_store_a_starting_process_takes_over_nothing() throws Exception {
        Held held = killWhileHolding();

        start("another process", new Echo(null), StoreSharing.SHARED, StaleWorkerTest.recording(sentAfterRestart));

        // started (its workers and senders run): the claims are as the first process left them
        Document lease = store.client().getDatabase("boussole").getCollection("leases").find(Filters.eq("_id", held.lease().getString("_id"))).first();
        assertThat(lease).as("the lease as the first process left it").isEqualTo(held.lease());
        Document reply = outbox().find(Filters.eq("_id", held.claim().getString("_id"))).first();
        assertThat(reply.getDate("leaseUntil")).isEqualTo(held.claim().getDate("leaseUntil"));
        assertThat(reply.get("claims")).isEqualTo(held.claim().get("claims"));
        assertThat(sentAfterRestart).isEmpty();
    }

    /** What the first run held when it was killed, as the store has it. */
    record Held(Document lease, Document claim) {}

    private Held killWhileHolding() throws InterruptedException {
        PipelineInstance first = start("first run", new Echo(inTurn), StoreSharing.EXCLUSIVE, holding());
        first.inbox().accept(Inbound.text("SMhello", lea, "hello", Instant.now()));
        assertThat(inCall.await(30, TimeUnit.SECONDS)).as("lea's reply in the provider's hands").isTrue();
        // lea's turn ends (its worker releases the lease once the message is marked processed) while the call runs:
        // the dead run holds lea's reply as an outbox claim, not as a turn to finish
        StaleWorkerTest.await("lea's conversation lease released", () -> heldLease(lea) == null);
        first.inbox().accept(Inbound.text("SMslow", tom, "slow", Instant.now()));
        assertThat(inTurn.await(30, TimeUnit.SECONDS)).as("tom's turn under way").isTrue();
        first.cutFromStore();
        killed.countDown();
        first.crash();
        instances.remove(first);

        // Tom's lease is looked at by its name, not as "the one lease held": lea's conversation stays listed in the live
        // work until its worker settles it, after the release, so a poll may hand it to the other worker, which takes its
        // lease for a look and finds nothing to do. Killed in that moment (a thread held up under load), the run leaves
        // lea's lease held too, as a real crash would: harmless, nothing of lea's is pending, and not what this is about.
        Document tomsLease = heldLease(tom);
        assertThat(tomsLease).as("tom's lease, held by the dead run").isNotNull();
        Instant now = Instant.now();
        List<Document> claimed = outbox().find(Filters.gt("leaseUntil", java.util.Date.from(now))).into(new ArrayList<>());
        assertThat(claimed).as("lea's reply, claimed by the dead run").hasSize(1);
        assertThat(claimed.getFirst().getString("status")).isEqualTo("PENDING");
        return new Held(tomsLease, claimed.getFirst());
    }

    /** The conversation's lease as the store has it, when it is held (not released nor run out); null otherwise. */
    private Document heldLease(ConversationKey conversation) {
        return store.client().getDatabase("boussole").getCollection("leases").find(Filters.and(
                Filters.eq("_id", "conversation:" + keys.conversationRef(conversation)),
                Filters.gt("until", java.util.Date.from(Instant.now())))).first();
    }

    private com.mongodb.client.MongoCollection<Document> outbox() {
        return store.client().getDatabase("boussole").getCollection("outbox");
    }

    private PipelineInstance start(String name, ConversationEngine engine, StoreSharing sharing, Deliverer provider) {
        PipelineInstance instance = PipelineInstance.start(name, store.uri(), Clock.systemUTC(), engine, provider, keys, SETTINGS,
                (search, id) -> { }, sharing);
        instances.add(instance);
        return instance;
    }

    /** The first run's provider: takes the call, then never answers before the kill. */
    private Deliverer holding() {
        return new Deliverer() {
            @Override
            public Channel channel() {
                return Channel.SMS;
            }

            @Override
            public DeliveryResult deliver(Delivery delivery) {
                inCall.countDown();
                awaitKill();
                return new DeliveryResult.Retry("killed", null);
            }
        };
    }

    private void awaitKill() {
        try {
            killed.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Echoes each text; "slow" holds the turn until the kill when {@code held} is given. */
    private final class Echo implements ConversationEngine {
        private final CountDownLatch held;

        Echo(CountDownLatch held) {
            this.held = held;
        }

        @Override
        public Turn handle(ConversationState state, Inbound inbound, Instant now) {
            if (held != null && inbound.text().equals("slow")) {
                held.countDown();
                awaitKill();
            }
            return new Turn(state, List.<DialogEvent>of(new DialogEvent.Reply(OutboundMessage.of("echo " + inbound.text()))));
        }
    }
}
