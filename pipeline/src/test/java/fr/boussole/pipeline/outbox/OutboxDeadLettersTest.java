package fr.boussole.pipeline.outbox;

import fr.boussole.testing.TestStore;
import fr.boussole.core.delivery.DeadLetter;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.message.Channel;
import fr.boussole.pipeline.sealed.SealedDocuments;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.message.OutboundMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's side of the DeadLetters port, on mongo-java-server through the real driver, without the
 * worker (nothing is sent here). Fails when: a dead letter is listed with its recipient in clear, its
 * message, or an address quoted in the provider's error; a retry does not reset the attempts, does not
 * put the entry back at its own place in its conversation's queue (ahead of later pending replies), or
 * succeeds twice; an erased conversation's dead letter can still be retried (it would send an empty
 * message to an erased address).
 */
class OutboxDeadLettersTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final ConversationKey LEA = new ConversationKey(Channel.SMS, "+33612345678");

    @RegisterExtension
    final TestStore store = new TestStore();
    MongoOutbox outbox;
    OutboxDeadLetters deadLetters;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void outbox() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        outbox = new MongoOutbox(store.mongo(), clock,
                new StaticListableBeanFactory().getBeanProvider(OutboxWorker.class),
                new SealedDocuments(PersonalData.generate()));
        deadLetters = new OutboxDeadLetters(outbox, clock, meters);
    }

    void reply(String id, long sequence, String text) {
        outbox.enqueue(new Delivery(id, Channel.SMS, LEA.address(), LEA, sequence, 1,
                new DeliveryPayload.Chat(OutboundMessage.of(text))));
    }

    void dies(String id, String error, Instant at) {
        var claimed = outbox.claim(outbox.byId(id), "test", at);
        outbox.markFinal(MongoOutbox.claimOf(claimed), OutboxStatus.DEAD, 8, error, at);
    }

    @Test
    void a_dead_letter_is_listed_masked_without_its_message_newest_first() {
        reply("ob_1", 1000, "Salut, tu as quel âge ?");
        reply("ob_2", 1001, "Ta commune ?");
        dies("ob_1", "twilio 400 error 21211: The 'To' number +33612345678 is not valid", NOW.minusSeconds(60));
        dies("ob_2", "twilio 503: Service Unavailable", NOW);

        assertThat(deadLetters.count()).isEqualTo(2);
        assertThat(deadLetters.list(10)).extracting(DeadLetter::id).containsExactly("ob_2", "ob_1");
        DeadLetter first = deadLetters.list(10).getLast();
        assertThat(first.maskedRecipient()).isEqualTo("+33 6 •• •• •• 78");
        assertThat(first.kind()).isEqualTo(DeadLetter.Kind.REPLY);
        assertThat(first.attempts()).isEqualTo(8);
        assertThat(first.deadAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(first.lastError()).isEqualTo("twilio 400 error 21211: The 'To' number •••• is not valid");
        assertThat(first.toString()).doesNotContain("âge").doesNotContain("12345678");
        assertThat(deadLetters.list(1)).hasSize(1);
    }

    @Test
    void a_retried_dead_letter_goes_back_in_line_ahead_of_its_conversations_later_replies_once() {
        reply("ob_1", 1000, "one");
        dies("ob_1", "twilio 503", NOW);
        reply("ob_2", 2000, "two"); // written after the first died: the queue went on without it
        assertThat(outbox.queued(outbox.ref(LEA))).extracting(e -> e.getString("id")).containsExactly("ob_2");

        assertThat(deadLetters.retry("ob_1")).isTrue();
        assertThat(deadLetters.retry("ob_1")).as("a second retry").isFalse();
        assertThat(deadLetters.retry("ob_unknown")).isFalse();

        var entry = outbox.byId("ob_1");
        assertThat(entry.getString("status")).isEqualTo(OutboxStatus.PENDING.name());
        assertThat(entry.getInteger("attempts")).isZero();
        assertThat(entry.getDate("nextAttemptAt").toInstant()).isEqualTo(NOW);
        assertThat(outbox.queued(outbox.ref(LEA))).extracting(e -> e.getString("id")).containsExactly("ob_1", "ob_2");
        assertThat(outbox.isFirstInLine(entry)).isTrue();
        assertThat(outbox.isFirstInLine(outbox.byId("ob_2"))).isFalse();
        assertThat(deadLetters.count()).isZero();
        assertThat(meters.counter("boussole.outbox.dead_letter_retries", "channel", "sms").count()).isEqualTo(1.0);
    }
}
