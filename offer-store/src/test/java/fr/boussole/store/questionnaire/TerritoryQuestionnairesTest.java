package fr.boussole.store.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.boussole.core.questionnaire.Condition;
import fr.boussole.core.questionnaire.Option;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.QuestionnaireFormat;
import fr.boussole.core.questionnaire.QuestionnaireProblem;
import fr.boussole.core.questionnaire.Step;
import fr.boussole.store.StoreIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A territory's questionnaires on the real store: drafts, versions, and what the bot is served. */
class TerritoryQuestionnairesTest extends StoreIntegrationTest {

    static final String LOT = "te_lot";
    static final String AVEYRON = "te_aveyron";

    @Autowired TerritoryQuestionnaires questionnaires;
    @Autowired StoreQuestionnaireSource source;
    @Autowired QuestionnaireFormat format;

    @Test
    void a_territory_answers_the_national_questionnaire_until_it_publishes_its_own() {
        Questionnaire national = questionnaires.national("emploi").orElseThrow();
        assertThat(source.current(LOT, "emploi")).contains(national);

        var draft = questionnaires.startDraft(LOT, "emploi", "ac_anim");

        assertThat(draft.questionnaire().id()).isEqualTo("emploi@te_lot");
        assertThat(draft.questionnaire().version()).isEqualTo(1);
        assertThat(draft.questionnaire().steps()).isEqualTo(national.steps());
        assertThat(draft.basedOnId()).isEqualTo("emploi");
        assertThat(draft.basedOnVersion()).isEqualTo(national.version());
        assertThat(source.current(LOT, "emploi")).as("a draft is not served").contains(national);
    }

    @Test
    void each_publication_is_a_new_version_and_the_earlier_ones_stay_readable() {
        var first = questionnaires.startDraft(LOT, "emploi", "ac_anim");
        var edited = questionnaires.saveDraft(LOT, "emploi", withoutLastQuestion(first.questionnaire()), first.revision(), "ac_anim");
        var v1 = questionnaires.publish(LOT, "emploi", edited.revision(), "ac_anim");

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.questionnaireId()).isEqualTo("emploi@te_lot");
        assertThat(questionnaires.draft(LOT, "emploi")).as("the draft became the version").isEmpty();
        Questionnaire served = source.current(LOT, "emploi").orElseThrow();
        assertThat(served.id()).isEqualTo("emploi@te_lot");
        assertThat(served.version()).isEqualTo(1);
        assertThat(served.steps()).isEqualTo(edited.questionnaire().steps());

        var second = questionnaires.startDraft(LOT, "emploi", "ac_anim");
        assertThat(second.basedOnId()).isEqualTo("emploi@te_lot");
        assertThat(second.basedOnVersion()).isEqualTo(1);
        var secondEdit = questionnaires.saveDraft(LOT, "emploi", withoutLastQuestion(second.questionnaire()),
                second.revision(), "ac_anim");
        questionnaires.publish(LOT, "emploi", secondEdit.revision(), "ac_anim");

        assertThat(source.current(LOT, "emploi").orElseThrow().version()).isEqualTo(2);
        assertThat(source.version("emploi@te_lot", 1).orElseThrow().steps()).isEqualTo(served.steps());
        assertThat(questionnaires.published(LOT, "emploi")).extracting(TerritoryQuestionnaires.Version::version)
                .containsExactly(2, 1);
        String text = questionnaires.text(LOT, "emploi", 1).orElseThrow();
        assertThat(format.read("export", text)).isEqualTo(served);
        assertThat(text).startsWith("id: \"emploi@te_lot\"\nversion: 1\n");
    }

    @Test
    void another_territory_and_another_theme_keep_their_own() {
        var draft = questionnaires.startDraft(LOT, "emploi", "ac_anim");
        questionnaires.publish(LOT, "emploi", draft.revision(), "ac_anim");

        assertThat(source.current(AVEYRON, "emploi")).isEqualTo(questionnaires.national("emploi"));
        assertThat(source.current(LOT, "sante")).isEqualTo(questionnaires.national("sante"));
        assertThat(source.version("emploi@te_aveyron", 1)).isEmpty();
        assertThat(questionnaires.draft(AVEYRON, "emploi")).isEmpty();
    }

    @Test
    void a_change_that_breaks_a_rule_is_refused_and_nothing_is_stored() {
        var draft = questionnaires.startDraft(LOT, "emploi", "ac_anim");
        List<Step> steps = new ArrayList<>(draft.questionnaire().steps());
        steps.removeFirst(); // "diplome" asks unless situation = collegien: its condition now names nothing

        assertThatThrownBy(() -> questionnaires.saveDraft(LOT, "emploi", with(draft.questionnaire(), steps),
                draft.revision(), "ac_anim"))
                .isInstanceOfSatisfying(QuestionnaireRefused.class, refused -> assertThat(refused.problems())
                        .containsExactly(new QuestionnaireProblem("diplome",
                                QuestionnaireProblem.Kind.CONDITION_UNKNOWN_QUESTION, List.of("unless", "situation"))));
        assertThat(questionnaires.draft(LOT, "emploi").orElseThrow()).isEqualTo(draft);
    }

    @Test
    void a_change_made_on_an_outdated_draft_is_refused() {
        var draft = questionnaires.startDraft(LOT, "emploi", "ac_anim");
        questionnaires.saveDraft(LOT, "emploi", withoutLastQuestion(draft.questionnaire()), draft.revision(), "ac_other");

        assertThatThrownBy(() -> questionnaires.saveDraft(LOT, "emploi", draft.questionnaire(), draft.revision(), "ac_anim"))
                .isInstanceOf(DraftChanged.class);
        assertThatThrownBy(() -> questionnaires.publish(LOT, "emploi", draft.revision(), "ac_anim"))
                .isInstanceOf(DraftChanged.class);
        assertThatThrownBy(() -> questionnaires.discardDraft(LOT, "emploi", draft.revision()))
                .isInstanceOf(DraftChanged.class);
        assertThat(questionnaires.published(LOT, "emploi")).isEmpty();
    }

    @Test
    void starting_a_draft_twice_gives_the_same_draft_and_discarding_it_keeps_what_is_in_force() {
        var first = questionnaires.startDraft(LOT, "emploi", "ac_anim");
        var again = questionnaires.startDraft(LOT, "emploi", "ac_other");
        assertThat(again).isEqualTo(first);

        questionnaires.discardDraft(LOT, "emploi", first.revision());

        assertThat(questionnaires.draft(LOT, "emploi")).isEmpty();
        assertThat(source.current(LOT, "emploi")).isEqualTo(questionnaires.national("emploi"));
    }

    @Test
    void a_draft_keeps_conditions_and_their_values_through_the_store() {
        var draft = questionnaires.startDraft(LOT, "emploi", "ac_anim");
        List<Step> steps = new ArrayList<>(draft.questionnaire().steps());
        steps.add(new Step("mobilite", "Tu peux te déplacer loin ?", "Réponds « oui » ou « non ».", new Question.SingleChoice(
                List.of(new Option("oui-loin", "Oui, loin"), new Option("pres", "Près de chez moi"))),
                new Condition(Map.of("permis-b", Set.of("non")), Map.of("situation", Set.of("collegien", "lyceen")))));

        var saved = questionnaires.saveDraft(LOT, "emploi", with(draft.questionnaire(), steps), draft.revision(), "ac_anim");

        assertThat(saved.questionnaire().steps()).isEqualTo(steps);
        assertThat(saved.revision()).isGreaterThan(draft.revision());
        assertThat(saved.updatedBy()).isEqualTo("ac_anim");
    }

    static Questionnaire withoutLastQuestion(Questionnaire questionnaire) {
        return with(questionnaire, questionnaire.steps().subList(0, questionnaire.steps().size() - 1));
    }

    static Questionnaire with(Questionnaire questionnaire, List<Step> steps) {
        return new Questionnaire(questionnaire.id(), questionnaire.version(), questionnaire.theme(), steps);
    }
}
