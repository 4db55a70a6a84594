package fr.boussole.console.questionnaires;

import fr.boussole.core.questionnaire.QuestionnaireProblem;

import java.util.List;

/**
 * A rule the questionnaire breaks, ready for the page: a message key ({@code questionnaire.problem.*})
 * and its arguments, the question first.
 */
record ProblemView(String key, String a0, String a1, String a2, String a3) {

    static List<ProblemView> of(List<QuestionnaireProblem> problems) {
        return problems.stream().map(ProblemView::of).toList();
    }

    static ProblemView of(QuestionnaireProblem problem) {
        List<String> d = problem.details();
        String key = "questionnaire.problem." + problem.kind().name()
                + (problem.kind() == QuestionnaireProblem.Kind.TEXT_TOO_LONG ? "." + d.getFirst() : "");
        return new ProblemView(key, problem.stepId() == null ? "" : problem.stepId(), arg(d, 0), arg(d, 1), arg(d, 2));
    }

    private static String arg(List<String> details, int index) {
        return index < details.size() ? details.get(index) : "";
    }
}
