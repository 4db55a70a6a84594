package fr.boussole.core.questionnaire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every questionnaire keeps, whoever wrote it (a developer's file or an animateur's draft):
 * unique ids, two options at least, texts short enough for two SMS, and conditions that name a question
 * asked before and values that question has. All in one place, as a list of problems, so that a file
 * loader refuses the first and the console shows them all.
 */
public final class QuestionnaireRules {

    /** Ids of questions and values: offers' criteria and the stored answers use them. */
    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Ids of questionnaires: a theme's national one ({@code emploi}) or a territory's own ({@code emploi@te_lot}). */
    public static final Pattern QUESTIONNAIRE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(@[A-Za-z0-9_-]+)?");
    /** Two SMS segments: what a question or its help may take. */
    public static final int MAX_TEXT = 306;

    private QuestionnaireRules() {}

    public static List<QuestionnaireProblem> check(Questionnaire questionnaire) {
        List<QuestionnaireProblem> problems = new ArrayList<>();
        if (questionnaire.steps().isEmpty()) {
            problems.add(new QuestionnaireProblem(null, QuestionnaireProblem.Kind.NO_STEP, List.of()));
        }
        Set<String> allIds = new HashSet<>();
        questionnaire.steps().forEach(step -> allIds.add(step.id()));
        Map<String, Set<String>> earlier = new HashMap<>();
        for (Step step : questionnaire.steps()) {
            checkStep(step, earlier, allIds, problems);
            if (!earlier.containsKey(step.id())) {
                earlier.put(step.id(), valuesOf(step.question()));
            }
        }
        return List.copyOf(problems);
    }

    /**
     * The value ids a question can take, in order, or an empty set when any value goes (number, text,
     * commune): what conditions and offers' criteria may name.
     */
    public static Set<String> valuesOf(Question question) {
        Set<String> ids = new LinkedHashSet<>();
        switch (question) {
            case Question.SingleChoice single -> single.options().forEach(o -> ids.add(o.id()));
            case Question.MultipleChoice multiple -> multiple.options().forEach(o -> ids.add(o.id()));
            case Question.YesNo ignored -> {
                ids.add(Question.YesNo.YES);
                ids.add(Question.YesNo.NO);
            }
            default -> { }
        }
        return ids;
    }

    private static void checkStep(Step step, Map<String, Set<String>> earlier, Set<String> allIds,
                                  List<QuestionnaireProblem> problems) {
        String id = step.id();
        if (!ID.matcher(id).matches()) {
            problems.add(problem(id, QuestionnaireProblem.Kind.BAD_ID, id));
        }
        if (earlier.containsKey(id)) {
            problems.add(problem(id, QuestionnaireProblem.Kind.STEP_ID_TWICE));
        }
        length(id, "text", step.text(), problems);
        if (step.help() != null) {
            length(id, "help", step.help(), problems);
        }
        List<Option> options = switch (step.question()) {
            case Question.SingleChoice single -> single.options();
            case Question.MultipleChoice multiple -> multiple.options();
            default -> null;
        };
        if (options != null) {
            if (options.size() < 2) {
                problems.add(problem(id, QuestionnaireProblem.Kind.TOO_FEW_OPTIONS));
            }
            Set<String> seen = new HashSet<>();
            for (Option option : options) {
                if (!ID.matcher(option.id()).matches()) {
                    problems.add(problem(id, QuestionnaireProblem.Kind.BAD_ID, option.id()));
                }
                if (!seen.add(option.id())) {
                    problems.add(problem(id, QuestionnaireProblem.Kind.OPTION_ID_TWICE, option.id()));
                }
            }
        }
        condition(id, "when", step.condition().when(), earlier, allIds, problems);
        condition(id, "unless", step.condition().unless(), earlier, allIds, problems);
    }

    private static void condition(String stepId, String kind, Map<String, Set<String>> condition,
                                  Map<String, Set<String>> earlier, Set<String> allIds,
                                  List<QuestionnaireProblem> problems) {
        for (var entry : new java.util.TreeMap<>(condition).entrySet()) {
            String question = entry.getKey();
            Set<String> known = earlier.get(question);
            if (known == null) {
                problems.add(problem(stepId, allIds.contains(question) ? QuestionnaireProblem.Kind.CONDITION_LATER_QUESTION
                        : QuestionnaireProblem.Kind.CONDITION_UNKNOWN_QUESTION, kind, question));
                continue;
            }
            if (entry.getValue().isEmpty()) {
                problems.add(problem(stepId, QuestionnaireProblem.Kind.CONDITION_NO_VALUE, kind, question));
            }
            for (String value : new java.util.TreeSet<>(entry.getValue())) {
                if (!known.isEmpty() && !known.contains(value)) {
                    problems.add(problem(stepId, QuestionnaireProblem.Kind.CONDITION_UNKNOWN_VALUE, kind, question, value));
                }
            }
        }
    }

    private static void length(String stepId, String field, String text, List<QuestionnaireProblem> problems) {
        if (text.length() > MAX_TEXT) {
            problems.add(problem(stepId, QuestionnaireProblem.Kind.TEXT_TOO_LONG, field,
                    Integer.toString(text.length()), Integer.toString(MAX_TEXT)));
        }
    }

    private static QuestionnaireProblem problem(String stepId, QuestionnaireProblem.Kind kind, String... details) {
        return new QuestionnaireProblem(stepId, kind, List.of(details));
    }
}
