package fr.boussole.console.questionnaires;

import fr.boussole.console.questionnaires.QuestionForm.ConditionMode;
import fr.boussole.console.questionnaires.QuestionForm.ConditionRow;
import fr.boussole.console.questionnaires.QuestionForm.OptionRow;
import fr.boussole.core.questionnaire.Condition;
import fr.boussole.core.questionnaire.Option;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Step;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A question goes into its form and comes back the same; what the form cannot mean is named field by field. */
class QuestionFormsTest {

    private static final Step SITUATION = new Step("situation", "Tu fais quoi ?", null, new Question.SingleChoice(List.of(
            new Option("lyceen", "Lycée", List.of("lycéen")), new Option("salarie", "Je travaille"))), null);
    private static final Step LICENCE = new Step("permis-b", "Tu as le permis ?", "Le permis B.", new Question.YesNo(), null);
    private static final Step KIND = new Step("type-emploi", "Quel travail ?", null, new Question.MultipleChoice(List.of(
            new Option("saisonnier", "Saisonnier", List.of("job d'été", "saison")), new Option("durable", "Durable"))),
            new Condition(Map.of("situation", Set.of("salarie")), Map.of("permis-b", Set.of("non"))));

    @Test
    void a_question_read_back_from_its_own_form_is_unchanged() {
        QuestionForm form = QuestionForms.of(KIND, List.of(SITUATION, LICENCE), 4);

        assertThat(form.getOptions()).hasSize(2 + QuestionForms.BLANK_ROWS);
        assertThat(form.getConditions()).extracting(ConditionRow::getQuestion, ConditionRow::getMode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("situation", "WHEN"),
                        org.assertj.core.groups.Tuple.tuple("permis-b", "UNLESS"));
        var outcome = QuestionForms.read(form, KIND, List.of(SITUATION, LICENCE), Set.of());
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.step()).isEqualTo(KIND);
    }

    @Test
    void choices_are_added_removed_and_ordered_and_a_new_id_comes_from_its_label() {
        QuestionForm form = QuestionForms.of(KIND, List.of(SITUATION, LICENCE), 4);
        form.getOptions().get(0).setRemove(true);
        OptionRow added = form.getOptions().get(2);
        added.setLabel("Un job à côté des études");
        added.setAliases(" job étudiant ,, petit boulot ");
        added.setPosition(1);
        form.getOptions().get(1).setUrgent(true);

        Step step = QuestionForms.read(form, KIND, List.of(SITUATION, LICENCE), Set.of()).step();

        assertThat(QuestionForms.options(step.question())).containsExactly(
                new Option("un-job-a-cote-des-etudes", "Un job à côté des études", List.of("job étudiant", "petit boulot")),
                new Option("durable", "Durable", List.of(), true));
    }

    @Test
    void a_new_question_needs_a_free_id_a_text_and_two_choices() {
        QuestionForm form = QuestionForms.blank("single", List.of(SITUATION), 1);
        form.setId("situation");
        form.getOptions().getFirst().setLabel("Seul choix");

        var outcome = QuestionForms.read(form, null, List.of(SITUATION), Set.of("situation"));

        assertThat(outcome.step()).isNull();
        assertThat(outcome.errors()).containsEntry("id", "questionnaire.error.id-taken")
                .containsEntry("text", "questionnaire.error.text-required")
                .containsEntry("options", "questionnaire.error.options-too-few");
    }

    @Test
    void a_condition_needs_a_ticked_answer_and_only_names_answers_the_question_has() {
        QuestionForm form = QuestionForms.blank("yes-no", List.of(SITUATION), 1);
        form.setId("mobile");
        form.setText("Tu peux bouger ?");
        form.setConditions(List.of(new ConditionRow("situation", ConditionMode.WHEN, List.of())));
        assertThat(QuestionForms.read(form, null, List.of(SITUATION), Set.of()).errors())
                .containsOnlyKeys("conditions[0].values");

        form.setConditions(List.of(new ConditionRow("situation", ConditionMode.UNLESS, List.of("lyceen", "inventee"))));
        Step step = QuestionForms.read(form, null, List.of(SITUATION), Set.of()).step();
        assertThat(step.condition()).isEqualTo(new Condition(Map.of(), Map.of("situation", Set.of("lyceen"))));
    }

    @Test
    void numbers_need_bounds_in_order_and_the_kind_of_a_question_only_changes_between_choices() {
        Step budget = new Step("budget", "Ton budget ?", null, new Question.Number(0, 3000, "€"), null);
        QuestionForm form = QuestionForms.of(budget, List.of(), 1);
        form.setMin(500);
        form.setMax(100);
        assertThat(QuestionForms.read(form, budget, List.of(), Set.of()).errors()).containsEntry("min", "questionnaire.error.bounds-order");

        form.setMin(0);
        form.setType("single");
        assertThat(QuestionForms.read(form, budget, List.of(), Set.of()).step().question()).isInstanceOf(Question.Number.class);

        QuestionForm choice = QuestionForms.of(SITUATION, List.of(), 1);
        choice.setType("multiple");
        assertThat(QuestionForms.read(choice, SITUATION, List.of(), Set.of()).step().question()).isInstanceOf(Question.MultipleChoice.class);
    }

    @Test
    void ids_from_labels_are_ascii_words_joined_by_dashes() {
        assertThat(QuestionForms.slug("Bac pro (ou CAP) — œuvre ÉTÉ")).isEqualTo("bac-pro-ou-cap-oeuvre-ete");
        assertThat(QuestionForms.slug("!!!")).isEmpty();
    }
}
