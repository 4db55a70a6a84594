package fr.boussole.dialogs.transcripts;

import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.journey.JourneySettings;
import fr.boussole.core.journey.JourneyState;
import fr.boussole.core.journey.JourneyStateCodec;
import fr.boussole.core.journey.Phase;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.offer.MatchQuery;
import fr.boussole.core.offer.OfferCatalog;
import fr.boussole.core.offer.OfferDetails;
import fr.boussole.core.offer.OfferSummary;
import fr.boussole.dialogs.Dialogs;
import fr.boussole.dialogs.commune.Communes;
import fr.boussole.dialogs.language.FrenchUnderstanding;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules of the journey that a transcript shows but does not state: checked on the state itself. */
class JourneyRulesTest {

    private static final Communes COMMUNES = Communes.load();
    private static final FrenchUnderstanding UNDERSTANDING = FrenchUnderstanding.load();
    private static final ConversationKey KEY = new ConversationKey(Channel.SMS, "+33600000009");
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private ConversationEngine engine(JourneySettings settings) {
        return Dialogs.engine(LotFixtures.catalog(), LotFixtures.territories(), COMMUNES, UNDERSTANDING, settings);
    }

    private final ConversationEngine engine = engine(JourneySettings.defaults());

    private Turn say(ConversationEngine engine, ConversationState state, String text, Instant at) {
        return engine.handle(state, Inbound.text("m-" + at.toEpochMilli(), KEY, text, at), at);
    }

    private ConversationState play(ConversationEngine engine, String... lines) {
        ConversationState state = ConversationState.start(KEY);
        Instant at = T0;
        for (String line : lines) {
            state = say(engine, state, line, at).state();
            at = at.plusSeconds(60);
        }
        return state;
    }

    /**
     * An instance may rebuild its offer index in the middle of a turn (every minute, or after an edit). The questions
     * asked must not depend on when: found by KillNineIT, where one conversation was asked "diplome" (which changes
     * no offer of the demo data) instead of "situation", its first catalogue answer coming from another snapshot.
     */
    @Test
    void an_index_rebuilt_during_a_turn_does_not_change_the_question_asked() {
        ConversationState steady = play(engine, "bonjour", "19 ans, Cahors", "emploi");
        OfferCatalog full = LotFixtures.catalog();
        AtomicBoolean rebuildPending = new AtomicBoolean();
        OfferCatalog rebuiltMidTurn = new OfferCatalog() {
            @Override
            public List<OfferSummary> match(MatchQuery query) {
                // the first answer after arming comes from the old index, which had no offer yet; then the new one
                return rebuildPending.getAndSet(false) ? List.of() : full.match(query);
            }

            @Override
            public Optional<OfferDetails> offer(String offerId) {
                return full.offer(offerId);
            }
        };
        ConversationEngine rebuilding = Dialogs.engine(rebuiltMidTurn, LotFixtures.territories(), COMMUNES, UNDERSTANDING,
                JourneySettings.defaults());
        ConversationState state = play(rebuilding, "bonjour", "19 ans, Cahors");
        rebuildPending.set(true);
        state = say(rebuilding, state, "emploi", T0.plusSeconds(120)).state();

        assertThat(state.values()).isEqualTo(steady.values());
    }

    @Test
    void a_journey_typed_in_plain_words_ends_in_exactly_one_contact_request() {
        ConversationState state = ConversationState.start(KEY);
        Instant at = T0;
        List<DialogEvent> events = new java.util.ArrayList<>();
        for (String line : List.of("Bonjour", "19 ans", "cahors", "du boulot", "1 et 3", "non", "plus", "1", "oui",
                "oui", "merci")) {
            Turn turn = say(engine, state, line, at);
            state = turn.state();
            events.addAll(turn.events());
            at = at.plusSeconds(60);
        }
        assertThat(events).filteredOn(DialogEvent.ContactRequested.class::isInstance).singleElement()
                .satisfies(e -> {
                    var draft = ((DialogEvent.ContactRequested) e).draft();
                    assertThat(draft.theme()).isEqualTo("emploi");
                    assertThat(draft.contactAddress()).isEqualTo("+33600000009");
                    assertThat(draft.consent().textShown()).contains(fr.boussole.core.message.PhoneNumbers.display(draft.contactAddress()));
                    assertThat(draft.answers()).extracting(a -> a.questionId()).contains("type-emploi", "permis-b");
                });
    }

    @Test
    void a_question_the_questionnaire_no_longer_has_restarts_the_journey_kindly() {
        ConversationState atQuestion = play(engine, "bonjour", "20", "Cahors", "emploi");
        JourneyState typed = JourneyStateCodec.decode(atQuestion);
        ConversationState stale = JourneyStateCodec.encode(KEY,
                typed.at(new JourneyState.Position(Phase.QUESTION, "question-retiree")));
        for (String line : List.of("1", "aide", "retour")) {
            Turn turn = say(engine, stale, line, T0.plusSeconds(3600));
            assertThat(phase(turn)).as("after '%s'", line).isEqualTo(Phase.AGE);
        }
        Turn late = say(engine, stale, "1", T0.plus(Duration.ofDays(10)));
        assertThat(phase(late)).isEqualTo(Phase.AGE);
    }

    @Test
    void nothing_is_kept_of_a_young_person_under_fifteen() {
        ConversationState state = play(engine, "bonjour", "13");
        // nothing about the young person: only which question is open (so a mistyped age can be
        // corrected) and when, for the idle expiry
        JourneyState typed = JourneyStateCodec.decode(state);
        assertThat(typed).isEqualTo(JourneyState.FRESH.at(JourneyState.Position.of(Phase.AGE)).withLastSeen(typed.lastSeen()));
        assertThat(state.values()).containsOnlyKeys("v", "at", "lastSeen");
    }

    @Test
    void nothing_is_kept_after_an_erasure_and_the_erasure_is_announced() {
        ConversationState before = play(engine, "bonjour", "20", "Cahors");
        Turn turn = say(engine, before, "effacer", T0.plusSeconds(3600));
        assertThat(turn.state().values()).isEmpty();
        assertThat(turn.events()).first().isInstanceOf(DialogEvent.ErasureRequested.class);
    }

    @Test
    void the_stored_state_holds_only_plain_values_at_every_step() {
        ConversationState state = ConversationState.start(KEY);
        Instant at = T0;
        for (String line : List.of("bonjour", "20", "46100", "1", "logement", "5", "non", "1", "1", "oui", "gourdon",
                "non", "2", "oui", "bonjour j'ai 19 ans j'habite à Cahors et je cherche un boulot", "oui", "1",
                "non en fait plutôt formation", "oui", "1", "2", "1", "lea@gmial.com", "oui", "je veux mourir")) {
            state = say(engine, state, line, at).state();
            at = at.plusSeconds(60);
            assertThat(plain(state.toStored())).as("state after '%s'", line).isTrue();
        }
    }

    @Test
    void the_same_state_message_and_time_give_the_same_turn() {
        ConversationState state = play(engine, "bonjour", "20", "Cahors", "emploi", "1", "2", "1");
        Instant at = T0.plusSeconds(3600);
        assertThat(say(engine, state, "1", at)).isEqualTo(say(engine, state, "1", at));
    }

    @Test
    void a_conversation_idle_longer_than_the_setting_offers_to_resume() {
        ConversationEngine hourly = engine(new JourneySettings(Duration.ofHours(1), 3, ZoneId.of("Europe/Paris")));
        ConversationState state = play(hourly, "bonjour", "20");
        Turn soon = say(hourly, state, "Cahors", T0.plus(Duration.ofMinutes(50)));
        Turn late = say(hourly, state, "Cahors", T0.plus(Duration.ofMinutes(90)));
        assertThat(phase(soon)).isEqualTo(Phase.THEME);
        assertThat(phase(late)).isEqualTo(Phase.RESUME);
    }

    @Test
    void an_opted_out_young_person_gets_nothing_for_another_stop() {
        ConversationState stopped = play(engine, "bonjour", "20", "stop");
        Turn again = say(engine, stopped, "stop", T0.plusSeconds(3600));
        assertThat(again.events()).isEmpty();
    }

    private static Phase phase(Turn turn) {
        return JourneyStateCodec.decode(turn.state()).phase();
    }

    private static boolean plain(Object value) {
        return switch (value) {
            case String ignored -> true;
            case Number ignored -> true;
            case Boolean ignored -> true;
            case List<?> list -> list.stream().allMatch(JourneyRulesTest::plain);
            case Map<?, ?> map -> map.keySet().stream().allMatch(k -> k instanceof String)
                    && map.values().stream().allMatch(JourneyRulesTest::plain);
            default -> false;
        };
    }
}
