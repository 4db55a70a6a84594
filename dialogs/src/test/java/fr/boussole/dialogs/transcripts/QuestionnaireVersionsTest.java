package fr.boussole.dialogs.transcripts;

import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.DialogEvent.QuestionnaireProgress.Stage;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.journey.JourneySettings;
import fr.boussole.core.journey.JourneyState;
import fr.boussole.core.journey.JourneyStateCodec;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.QuestionnaireRef;
import fr.boussole.core.questionnaire.QuestionnaireSource;
import fr.boussole.core.questionnaire.Questionnaires;
import fr.boussole.core.questionnaire.Step;
import fr.boussole.dialogs.Dialogs;
import fr.boussole.dialogs.commune.Communes;
import fr.boussole.dialogs.language.FrenchUnderstanding;
import fr.boussole.dialogs.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A territory publishes its own version while young people are answering: those in progress finish on
 * the version they started with, their requests name it, and the next journeys answer the new one. The
 * engine also reports, anonymously, how far each journey went (the funnel).
 */
class QuestionnaireVersionsTest {

    private static final Communes COMMUNES = Communes.load();
    private static final FrenchUnderstanding UNDERSTANDING = FrenchUnderstanding.load();
    private static final Questionnaires NATIONAL = QuestionnaireLoader.bundled();
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    /** The store's source in small: published versions of the Lot, else the national ones. */
    private static final class Published implements QuestionnaireSource {
        private final Map<String, Questionnaire> latest = new HashMap<>();
        private final Map<String, Questionnaire> versions = new HashMap<>();

        void publish(Questionnaire questionnaire) {
            latest.put(questionnaire.theme(), questionnaire);
            versions.put(questionnaire.id() + " v" + questionnaire.version(), questionnaire);
        }

        @Override
        public Optional<Questionnaire> current(String territoryId, String theme) {
            return LotFixtures.TERRITORY.equals(territoryId) && latest.containsKey(theme)
                    ? Optional.of(latest.get(theme)) : NATIONAL.forTheme(theme);
        }

        @Override
        public Optional<Questionnaire> version(String questionnaireId, int version) {
            return Optional.ofNullable(versions.get(questionnaireId + " v" + version))
                    .or(() -> QuestionnaireSource.national(NATIONAL).version(questionnaireId, version));
        }

        @Override
        public Questionnaires national() {
            return NATIONAL;
        }
    }

    private final Published published = new Published();
    private final ConversationEngine engine = Dialogs.engine(LotFixtures.catalog(), LotFixtures.territories(), COMMUNES,
            UNDERSTANDING, published, JourneySettings.defaults());

    @Test
    void a_journey_in_progress_finishes_on_its_version_and_the_next_one_answers_the_new_version() {
        Journey before = new Journey("+33600000001");
        before.say("Bonjour", "19 ans", "Cahors", "emploi");
        assertThat(before.lastText()).contains("Tu cherches quel genre de travail ?");

        published.publish(lotVersionOne());

        before.say("1");
        assertThat(before.lastText()).contains("Tu as le permis B (voiture) ?");
        before.say("non", "plus", "1", "oui");
        assertThat(before.texts()).noneMatch(t -> t.contains(REWORDED));
        assertThat(before.request().questionnaireId()).isEqualTo("emploi");
        assertThat(before.request().questionnaireVersion()).isEqualTo(NATIONAL.forTheme("emploi").orElseThrow().version());

        Journey after = new Journey("+33600000002");
        after.say("Bonjour", "19 ans", "Cahors", "emploi", "1");
        assertThat(after.lastText()).contains(REWORDED);
        after.say("non", "plus", "1", "oui");
        assertThat(after.request().questionnaireId()).isEqualTo("emploi@" + LotFixtures.TERRITORY);
        assertThat(after.request().questionnaireVersion()).isEqualTo(1);
        assertThat(after.request().answers()).extracting(a -> a.questionId()).contains("permis-b");
    }

    @Test
    void a_theme_named_before_the_commune_answers_the_territory_version() {
        published.publish(lotVersionOne());
        Journey journey = new Journey("+33600000005");
        journey.say("Bonjour", "je cherche du travail", "19 ans", "Cahors");
        journey.say("1");

        assertThat(journey.lastText()).contains(REWORDED);
        assertThat(JourneyStateCodec.decode(journey.state).search().questionnaire())
                .isEqualTo(new QuestionnaireRef("emploi@" + LotFixtures.TERRITORY, 1));
    }

    @Test
    void the_state_records_the_version_and_a_state_written_before_answers_the_version_in_force() {
        Journey journey = new Journey("+33600000003");
        journey.say("Bonjour", "19 ans", "Cahors", "emploi");
        assertThat(JourneyStateCodec.decode(journey.state).search().questionnaire())
                .isEqualTo(new QuestionnaireRef("emploi", 1));
        assertThat(journey.state.values().get("search")).asString().contains("questionnaire");

        // Written by the code before versions were recorded: no reference, so it follows the version in force.
        published.publish(lotVersionOne());
        JourneyState typed = JourneyStateCodec.decode(journey.state);
        journey.state = JourneyStateCodec.encode(journey.state.key(),
                typed.withSearch(new JourneyState.Search("emploi", null, typed.search().answers(), List.of(), 0)));
        journey.say("1");
        assertThat(journey.lastText()).contains(REWORDED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_version_4_state_stored_before_the_upgrade_finishes_on_the_version_in_force() {
        Journey journey = new Journey("+33600000006");
        journey.say("Bonjour", "19 ans", "Cahors", "emploi");
        // What the release before this one stored at that point: version 4, no questionnaire pinned, no
        // questions reached (and whatever else sat in "search" under those names is not read).
        Map<String, Object> stored = new java.util.LinkedHashMap<>(journey.state.values());
        Map<String, Object> search = new java.util.LinkedHashMap<>((Map<String, Object>) stored.get("search"));
        search.put("questionnaire", Map.of("id", "someone-else", "version", 9));
        search.put("reached", List.of("not-a-question"));
        stored.put("search", search);
        stored.put("v", 4);
        journey.state = new ConversationState(journey.state.key(), stored);

        JourneyState migrated = JourneyStateCodec.decode(journey.state);
        assertThat(migrated.search().theme()).isEqualTo("emploi");
        assertThat(migrated.search().questionnaire()).as("a version 4 pinned none").isNull();
        assertThat(migrated.search().reached()).isEmpty();
        assertThat(migrated.at().code()).isEqualTo("QUESTION:type-emploi");
        assertThat(migrated.search().answers()).isEmpty();

        published.publish(lotVersionOne());
        journey.say("1");
        assertThat(journey.lastText()).as("the version in force now").contains(REWORDED);
        assertThat(journey.state.values()).containsEntry("v", JourneyStateCodec.VERSION);
        assertThat(JourneyStateCodec.decode(journey.state).search().questionnaire())
                .isEqualTo(new QuestionnaireRef("emploi@" + LotFixtures.TERRITORY, 1));
        journey.say("non", "plus", "1", "oui");
        assertThat(journey.request().questionnaireId()).isEqualTo("emploi@" + LotFixtures.TERRITORY);
        assertThat(journey.request().questionnaireVersion()).isEqualTo(1);
    }

    @Test
    void each_question_is_counted_once_reached_and_once_answered_then_the_offers_and_the_request() {
        Journey journey = new Journey("+33600000004");
        journey.say("Bonjour", "19 ans", "Cahors", "emploi", "1", "retour", "1", "non", "plus", "1", "oui");

        assertThat(journey.progress()).containsExactly(
                "REACHED type-emploi", "ANSWERED type-emploi", "REACHED permis-b", "ANSWERED permis-b",
                "COMPLETED null", "REQUESTED null");
        assertThat(journey.events).filteredOn(DialogEvent.QuestionnaireProgress.class::isInstance)
                .allSatisfy(e -> {
                    var progress = (DialogEvent.QuestionnaireProgress) e;
                    assertThat(progress.territoryId()).isEqualTo(LotFixtures.TERRITORY);
                    assertThat(progress.questionnaireId()).isEqualTo("emploi");
                    assertThat(progress.version()).isEqualTo(1);
                });
    }

    private static final String REWORDED = "Tu as le permis de conduire (voiture) ?";

    /** The national emploi questionnaire with the licence question said another way. */
    private static Questionnaire lotVersionOne() {
        List<Step> steps = new ArrayList<>();
        for (Step step : NATIONAL.forTheme("emploi").orElseThrow().steps()) {
            steps.add(step.id().equals("permis-b")
                    ? new Step(step.id(), REWORDED, step.help(), step.question(), step.condition()) : step);
        }
        return new Questionnaire("emploi@" + LotFixtures.TERRITORY, 1, "emploi", steps);
    }

    /** One young person's conversation, the state round-tripped through its stored form between messages. */
    private final class Journey {
        private ConversationState state;
        private final List<DialogEvent> events = new ArrayList<>();
        private Instant at = T0;

        Journey(String phone) {
            state = ConversationState.start(new ConversationKey(Channel.SMS, phone));
        }

        void say(String... lines) {
            for (String line : lines) {
                Turn turn = engine.handle(state, Inbound.text("m-" + at.toEpochMilli(), state.key(), line, at), at);
                state = ConversationState.fromStored(turn.state().toStored());
                events.addAll(turn.events());
                at = at.plusSeconds(60);
            }
        }

        List<String> texts() {
            return events.stream().filter(DialogEvent.Reply.class::isInstance)
                    .map(e -> ((DialogEvent.Reply) e).message()).map(OutboundMessage::text).toList();
        }

        String lastText() {
            return texts().getLast();
        }

        fr.boussole.core.conversation.ContactRequestDraft request() {
            return events.stream().filter(DialogEvent.ContactRequested.class::isInstance)
                    .map(e -> ((DialogEvent.ContactRequested) e).draft()).reduce((a, b) -> b).orElseThrow();
        }

        List<String> progress() {
            return events.stream().filter(DialogEvent.QuestionnaireProgress.class::isInstance)
                    .map(e -> (DialogEvent.QuestionnaireProgress) e).map(p -> p.stage() + " " + p.questionId()).toList();
        }
    }
}
