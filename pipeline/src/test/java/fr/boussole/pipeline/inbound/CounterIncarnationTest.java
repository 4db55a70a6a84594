package fr.boussole.pipeline.inbound;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.testing.TestClock;
import fr.boussole.testing.TestStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation's "done" mark moves only on the counter the processed rank came from. An erasure removes a
 * conversation's counter and messages; the next message makes a new counter, counting from 1 again. A worker that
 * processed rank 2 of the old counter and was paused past its lease meanwhile wakes up and marks its rank done:
 * on the new counter, that took its first two ranks as done, pending or not, and the young person's new messages
 * were skipped for good (or, with fewer ranks counted, taken out of order until the mark was put back). The mark
 * now goes through the counter's incarnation, drawn when it is made.
 */
class CounterIncarnationTest {

    @RegisterExtension
    final TestStore store = new TestStore();

    MongoTemplate mongo;
    TestClock clock;
    InboundMessages messages;
    final ConversationKey lea = new ConversationKey(Channel.SMS, "+33611000042");

    @BeforeEach
    void fresh() {
        mongo = store.mongo();
        clock = new TestClock(Instant.parse("2026-12-08T03:00:00Z"));
        messages = new InboundMessages(mongo, clock, PersonalData.generate(), Duration.ofSeconds(30));
    }

    InboundMessages.Recorded record(String text) {
        return messages.record(Inbound.text("SM" + text, lea, text, clock.instant()), clock.instant()).orElseThrow();
    }

    /** What the conversation's erasure leaves of its messages and counter: nothing. */
    void erased() {
        String ref = messages.ref(lea);
        mongo.remove(Query.query(Criteria.where("conversation").is(ref)), "inbound_messages");
        mongo.remove(Query.query(Criteria.where("_id").is(ref)), "inbound_sequences");
    }

    @Test
    void a_worker_back_from_a_pause_across_an_erasure_marks_nothing_on_the_new_counter() {
        InboundMessages.Recorded un = record("un");
        record("deux");
        InboundMessages.Look walked = messages.look(lea, un);
        assertThat(messages.markProcessed(walked.head().orElseThrow(), List.of(), clock.instant())).isTrue();
        InboundMessages.Look second = messages.look(lea, 1, walked.counter());
        assertThat(messages.markProcessed(second.head().orElseThrow(), List.of(), clock.instant())).isTrue();
        // the worker pauses here, past its lease, with rank 2 of this counter processed and not yet marked done

        erased();
        InboundMessages.Recorded trois = record("trois");
        InboundMessages.Recorded quatre = record("quatre");
        assertThat(trois.rank()).isEqualTo(1);
        assertThat(trois.counter()).as("a new incarnation").isNotEqualTo(second.counter());

        InboundMessages.Look stale = messages.look(lea, 2, second.counter());

        assertThat(stale.head()).as("the new counter's first message, still pending").map(InboundMessage::id)
                .contains(trois.id());
        assertThat(stale.counter()).isEqualTo(trois.counter());
        assertThat(counter().get("done")).as("no rank of the new counter marked").isNull();
        assertThat(messages.markProcessed(stale.head().orElseThrow(), List.of(), clock.instant())).isTrue();
        assertThat(messages.look(lea, 1, stale.counter()).head()).map(InboundMessage::id).contains(quatre.id());
    }

    @Test
    void a_counter_made_before_incarnations_is_given_one_and_its_mark_moves_through_it() {
        String ref = messages.ref(lea);
        // as an earlier release left it: rank 1 counted and done, no incarnation
        mongo.insert(new Document("_id", ref).append("next", 1L).append("done", 1L), "inbound_sequences");
        InboundMessages.Recorded deux = record("deux");
        assertThat(deux.rank()).isEqualTo(2);
        assertThat(deux.counter()).as("the counter it was counted on has none").isNull();

        InboundMessages.Look walked = messages.look(lea, 0, null);
        assertThat(walked.head()).map(InboundMessage::id).contains(deux.id());
        assertThat(walked.counter()).isNotNull().isEqualTo(counter().getString("incarnation"));
        assertThat(messages.markProcessed(walked.head().orElseThrow(), List.of(), clock.instant())).isTrue();

        assertThat(messages.look(lea, 2, walked.counter()).head()).isEmpty();
        assertThat(counter().get("done")).isEqualTo(2L);
    }

    Document counter() {
        return mongo.findById(messages.ref(lea), Document.class, "inbound_sequences");
    }
}
