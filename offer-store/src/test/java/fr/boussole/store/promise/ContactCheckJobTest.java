package fr.boussole.store.promise;

import fr.boussole.core.promise.ContactCheckPrompt;
import fr.boussole.core.message.Channel;
import fr.boussole.store.request.FollowUpMeans;
import fr.boussole.store.request.RequestBook;
import fr.boussole.testing.RecordingInbox;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The question "were you contacted?" goes to the pipeline through the Inbox port only. */
class ContactCheckJobTest extends PromiseTest {

    @Autowired
    ContactCheckJob job;
    @Autowired
    RecordingInbox inbox;
    @Autowired
    MongoContactChecks answers;
    @Autowired
    RequestBook requests;

    @BeforeEach
    void emptyInbox() {
        inbox.clear();
    }

    @Test
    void a_past_due_request_becomes_one_system_message_on_its_conversation_and_is_asked_once() {
        var world = world();
        Instant made = Instant.parse("2026-03-02T09:00:00Z");
        var onSms = world.request(world.a, made, Channel.SMS);
        requests.recordFollowUp(onSms.requestId(), "pro", made.plusSeconds(3600), FollowUpMeans.PHONE, "messagerie", null);
        inbox.clear(); // its taking in hand was told
        Instant later = made.plus(Duration.ofDays(3)).plusSeconds(60);

        assertThat(job.askDue(later)).isEqualTo(1);
        assertThat(job.askDue(later)).isZero();

        assertThat(inbox.accepted()).singleElement().satisfies(inbound -> {
            assertThat(inbound.conversation().channel()).isEqualTo(Channel.SMS);
            assertThat(ContactCheckPrompt.in(inbound)).hasValueSatisfying(prompt -> {
                assertThat(prompt.requestId()).isEqualTo(onSms.requestId());
                assertThat(prompt.offerTitle()).isEqualTo(world.a.offerTitle());
            });
        });
        assertThat(answers.of(onSms.requestId())).hasValueSatisfying(c -> assertThat(c.askedAt()).isEqualTo(later));
    }

    @Test
    void a_web_chat_request_is_marked_but_not_asked_the_web_chat_cannot_reach_the_young_person() {
        var world = world();
        Instant made = Instant.parse("2026-03-02T09:00:00Z");
        var onWeb = world.request(world.b, made, Channel.WEB);
        requests.recordFollowUp(onWeb.requestId(), "pro", made.plusSeconds(3600), FollowUpMeans.PHONE, "messagerie", null);
        inbox.clear();

        assertThat(job.askDue(made.plus(Duration.ofDays(4)))).isZero();

        assertThat(inbox.accepted()).isEmpty();
        assertThat(answers.of(onWeb.requestId())).isPresent();
    }
}
