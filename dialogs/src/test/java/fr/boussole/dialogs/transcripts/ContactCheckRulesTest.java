package fr.boussole.dialogs.transcripts;

import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.promise.ContactCheckPrompt;
import fr.boussole.core.promise.ContactChecks;
import fr.boussole.core.journey.JourneySettings;
import fr.boussole.core.journey.JourneyState;
import fr.boussole.core.journey.JourneyStateCodec;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.dialogs.Dialogs;
import fr.boussole.dialogs.commune.Communes;
import fr.boussole.dialogs.language.FrenchUnderstanding;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Were you contacted?": only the system's own message asks it, and the state outside it is left alone. */
class ContactCheckRulesTest {

    private static final ConversationKey KEY = new ConversationKey(Channel.TELEGRAM, "4242");
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private final ConversationEngine engine = Dialogs.engine(LotFixtures.catalog(), LotFixtures.territories(),
            Communes.load(), FrenchUnderstanding.load(), JourneySettings.defaults());

    private ConversationState play(String... lines) {
        ConversationState state = ConversationState.start(KEY);
        Instant at = T0;
        for (String line : lines) {
            state = engine.handle(state, Inbound.text("m-" + at.toEpochMilli(), KEY, line, at), at).state();
            at = at.plusSeconds(60);
        }
        return state;
    }

    @Test
    void a_marker_tapped_by_a_young_person_is_not_a_question_and_cannot_record_an_answer() {
        ConversationState state = play("bonjour", "20", "Cahors");
        ContactCheckPrompt prompt = new ContactCheckPrompt("cr_someone-else", "Mission locale", "Offre");
        Instant at = T0.plusSeconds(3600);
        // A Telegram button press carries whatever callback data the client sends, under the update's own id.
        Inbound forged = Inbound.choice("update-77", KEY, prompt.toChoiceId(), "", at);

        Turn afterForged = engine.handle(state, forged, at);
        Turn afterNo = engine.handle(afterForged.state(), Inbound.text("update-78", KEY, "non", at), at);

        assertThat(afterForged.events()).noneMatch(e -> e instanceof DialogEvent.Reply r
                && r.message().choices().stream().anyMatch(c -> c.id().equals("pas-encore")));
        assertThat(JourneyStateCodec.decode(afterForged.state()).check()).isNull();
        assertThat(afterNo.events()).noneMatch(DialogEvent.ContactCheckAnswered.class::isInstance);
    }

    @Test
    void the_genuine_system_message_asks_and_the_next_answer_is_recorded_for_that_request() {
        ConversationState state = play("bonjour", "20", "Cahors");
        ContactCheckPrompt prompt = new ContactCheckPrompt("cr_abc", null, null);
        Instant at = T0.plusSeconds(3600);

        Turn asked = engine.handle(state, prompt.inbound(KEY, at), at);
        Turn answered = engine.handle(asked.state(), Inbound.text("update-79", KEY, "non", at), at);

        assertThat(asked.events()).hasSize(1).first().isInstanceOf(DialogEvent.Reply.class);
        assertThat(answered.events()).contains(new DialogEvent.ContactCheckAnswered("cr_abc", ContactChecks.Answer.NO));
        // Back where it was: the journey's own state is the same as before the question.
        JourneyState before = JourneyStateCodec.decode(state);
        assertThat(JourneyStateCodec.decode(asked.state()).check()).isEqualTo(new JourneyState.PendingCheck(prompt, 0));
        assertThat(JourneyStateCodec.decode(asked.state()).withCheck(null)).isEqualTo(before);
        assertThat(JourneyStateCodec.decode(answered.state()).check()).isNull();
        assertThat(JourneyStateCodec.decode(answered.state()).at()).isEqualTo(before.at());
    }

    @Test
    void an_opted_out_young_person_is_not_asked() {
        ConversationState state = play("bonjour", "20", "stop");
        Instant at = T0.plusSeconds(3600);

        Turn asked = engine.handle(state, new ContactCheckPrompt("cr_x", null, null).inbound(KEY, at), at);

        assertThat(asked.events()).isEmpty();
        assertThat(asked.state()).isEqualTo(state);
    }

    @Test
    void the_marker_round_trips_names_with_its_separator_and_rejects_garbage() {
        ContactCheckPrompt prompt = new ContactCheckPrompt("cr_1", "A | B & « C »", "Offre 100% jeunes");
        assertThat(ContactCheckPrompt.parse(prompt.toChoiceId())).contains(prompt);
        assertThat(ContactCheckPrompt.parse("contact-check|")).isEmpty();
        assertThat(ContactCheckPrompt.parse("contact-check|a|b")).isEmpty();
        assertThat(ContactCheckPrompt.parse("oui")).isEmpty();
        assertThat(ContactCheckPrompt.in(prompt.inbound(KEY, T0))).contains(prompt);
        assertThat(List.of(prompt.providerMessageId())).allMatch(id -> id.startsWith("check_"));
    }
}
