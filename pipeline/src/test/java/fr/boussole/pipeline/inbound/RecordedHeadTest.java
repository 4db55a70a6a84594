package fr.boussole.pipeline.inbound;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.testing.TestStore;
import fr.boussole.testing.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recording tells whether its message was the head when counted (every rank before it done, by the counter's
 * mark read with the count), so that the instance that recorded it reads it at its rank alone, without the
 * counter. The hint only ever saves a read: stale (the message processed meanwhile), the ranks are walked.
 */
class RecordedHeadTest {

    @RegisterExtension
    static final TestStore STORE = new TestStore();
    static MongoTemplate mongo;

    TestClock clock;
    InboundMessages messages;
    ConversationKey conversation;
    static int phone = 611000000;

    @BeforeAll
    static void template() {
        mongo = STORE.mongo();
    }

    @BeforeEach
    void fresh() {
        clock = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));
        messages = new InboundMessages(mongo, clock, PersonalData.generate(), Duration.ofSeconds(30));
        conversation = new ConversationKey(Channel.SMS, "+33" + phone++);
    }

    /** @param name the provider's message id within this test's conversation (the store is shared by the tests) */
    InboundMessages.Recorded record(String name) {
        String id = name + conversation.address();
        return messages.record(Inbound.text(id, conversation, name, clock.instant()), clock.instant()).orElseThrow();
    }

    @Test
    void only_a_message_counted_behind_done_ranks_is_recorded_as_the_head() {
        InboundMessages.Recorded first = record("SMfirst");
        InboundMessages.Recorded second = record("SMsecond");

        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.head()).isTrue();
        assertThat(second.rank()).isEqualTo(2);
        assertThat(second.head()).as("rank 1 was pending when it was counted").isFalse();
        assertThat(messages.look(conversation, first).head()).map(InboundMessage::id).contains(first.id());
    }

    @Test
    void once_the_ranks_before_it_are_marked_done_the_next_message_is_the_head() {
        InboundMessages.Recorded first = record("SMfirst");
        InboundMessage head = messages.look(conversation, first).head().orElseThrow();
        assertThat(messages.markProcessed(head, List.of(), clock.instant())).isTrue();
        assertThat(messages.look(conversation, first.rank(), first.counter()).head()).isEmpty(); // marks rank 1 done

        InboundMessages.Recorded second = record("SMsecond");

        assertThat(second.head()).isTrue();
        assertThat(messages.look(conversation, second).head()).map(InboundMessage::id).contains(second.id());
    }

    @Test
    void a_stale_hint_falls_back_to_the_walk() {
        InboundMessages.Recorded first = record("SMfirst");
        InboundMessages.Recorded second = record("SMsecond");
        // processed by another worker before this instance's drain started; the done mark not written yet
        assertThat(messages.markProcessed(messages.head(conversation).orElseThrow(), List.of(), clock.instant())).isTrue();

        assertThat(messages.look(conversation, first).head()).map(InboundMessage::id).contains(second.id());
    }
}
