package fr.boussole.store.questionnaire;

import fr.boussole.core.questionnaire.QuestionnaireProblem;
import java.util.List;

/** A questionnaire the rules refuse: nothing was stored; the problems say what to change. */
public class QuestionnaireRefused extends RuntimeException {

    private final List<QuestionnaireProblem> problems;

    public QuestionnaireRefused(List<QuestionnaireProblem> problems) {
        super(problems.isEmpty() ? "refused" : problems.getFirst().describe());
        this.problems = List.copyOf(problems);
    }

    public List<QuestionnaireProblem> problems() {
        return problems;
    }
}
