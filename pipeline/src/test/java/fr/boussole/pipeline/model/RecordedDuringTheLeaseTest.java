package fr.boussole.pipeline.model;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.settings.StoreSharing;
import fr.boussole.pipeline.conversation.ConversationProcessor;
import fr.boussole.testing.TestStore;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static fr.boussole.pipeline.model.StaleWorkerTest.await;
import static fr.boussole.pipeline.model.StaleWorkerTest.sms;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message recorded while a worker holds its conversation's lease wakes the processing up for nothing: the
 * lease is taken. The worker must find it itself, at once, not at the next poll (an hour here). The second
 * message is recorded just after the worker's last walk of the ranks (the first command on the counter once the
 * first message is processed): the walk found nothing left, and only the look after the lease's release sees it.
 */
class RecordedDuringTheLeaseTest {

    @RegisterExtension
    final TestStore store = new TestStore();
    final PersonalData keys = PersonalData.generate();
    final List<String> sent = new CopyOnWriteArrayList<>();
    PipelineInstance instance;

    @AfterEach
    void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void a_message_recorded_after_the_last_walk_under_the_lease_is_answered_without_waiting_for_the_poll() {
        ConversationKey lea = new ConversationKey(Channel.SMS, "+33611000007");
        AtomicBoolean armed = new AtomicBoolean();
        AtomicBoolean recorded = new AtomicBoolean();
        CountDownLatch wakeUpRefused = new CountDownLatch(1);
        Map<Integer, String> walks = new ConcurrentHashMap<>();
        CommandListener afterTheWalk = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                String worker = Thread.currentThread().getName();
                if (!worker.startsWith("inbound-")) {
                    return;
                }
                BsonValue target = event.getCommand().get(event.getCommandName());
                String collection = target != null && target.isString() ? target.asString().getValue() : "";
                if (collection.equals("inbound_sequences") && armed.compareAndSet(true, false)) {
                    walks.put(event.getRequestId(), worker); // the walk that follows the first message's processing
                } else if (collection.equals("leases") && event.getCommandName().equals("find") && recorded.get()
                        && !walks.containsValue(worker)) {
                    wakeUpRefused.countDown(); // the second message's wake-up, on another worker, reads the lease held
                }
            }

            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                if (walks.remove(event.getRequestId()) != null) {
                    // on the worker's thread, the walk answered and the lease still held
                    recorded.set(true); // before: its wake-up may run on another worker before accept returns
                    instance.inbox().accept(sms(lea, "SMsecond", "second"));
                    try {
                        wakeUpRefused.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        Map<String, Object> settings = new HashMap<>(StaleWorkerTest.SETTINGS);
        settings.put("boussole.pipeline.poll-interval", "1h");
        instance = PipelineInstance.start("A", store.uri(), Clock.systemUTC(), new StaleWorkerTest.Scripted(() -> { }),
                StaleWorkerTest.recording(sent), keys, settings, (search, id) -> { }, StoreSharing.EXCLUSIVE, afterTheWalk);
        // armed once the first message is marked processed: the worker's next command on the counter is its walk
        AtomicBoolean first = new AtomicBoolean(true);
        instance.bean(ConversationProcessor.class).addListener((id, replies) -> armed.set(first.getAndSet(false)));

        instance.inbox().accept(sms(lea, "SMfirst", "first"));

        await("both messages answered", () -> sent.containsAll(List.of("echo first", "echo second")));
        assertThat(recorded).as("the second message was recorded under the lease").isTrue();
        assertThat(wakeUpRefused.getCount()).as("its wake-up found the lease taken").isZero();
    }
}
