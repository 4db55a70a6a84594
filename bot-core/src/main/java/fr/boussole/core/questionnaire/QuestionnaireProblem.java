package fr.boussole.core.questionnaire;

import java.util.List;

/**
 * Something wrong in a questionnaire, as data: the console words it in French from {@link #kind()} and
 * {@link #details()}, a file's loader in English with {@link #describe()}.
 *
 * @param stepId the question it is about, or null for the whole questionnaire
 * @param details the names the message needs, in the order {@link Kind} documents
 */
public record QuestionnaireProblem(String stepId, Kind kind, List<String> details) {

    public QuestionnaireProblem {
        details = List.copyOf(details);
    }

    /** What is wrong; the comment lists the details. */
    public enum Kind {
        /** No question at all. */
        NO_STEP,
        /** An id that is not lower-case ascii words joined by '-': the id. */
        BAD_ID,
        /** Two questions with one id. */
        STEP_ID_TWICE,
        /** A choice with fewer than two options. */
        TOO_FEW_OPTIONS,
        /** Two options with one id in a question: the option id. */
        OPTION_ID_TWICE,
        /** A text over its maximum length: the field (text, help, label), its length, the maximum. */
        TEXT_TOO_LONG,
        /** A condition on a question the questionnaire does not have: when/unless, the question. */
        CONDITION_UNKNOWN_QUESTION,
        /** A condition on a question asked at this point or later: when/unless, the question. */
        CONDITION_LATER_QUESTION,
        /** A condition listing no value: when/unless, the question. */
        CONDITION_NO_VALUE,
        /** A condition naming a value its question does not have: when/unless, the question, the value. */
        CONDITION_UNKNOWN_VALUE
    }

    /** In English, for a developer reading a file's error: "step 'b': 'unless' on 'a' names value 'x', …". */
    public String describe() {
        String where = stepId == null ? "" : "step '" + stepId + "': ";
        return where + switch (kind) {
            case NO_STEP -> "'steps' must be a non-empty list";
            case BAD_ID -> "ids must be lower-case ascii words joined by '-', got '" + details.getFirst() + "'";
            case STEP_ID_TWICE -> "the id is used twice";
            case TOO_FEW_OPTIONS -> "a choice needs at least two 'options'";
            case OPTION_ID_TWICE -> "option '" + details.getFirst() + "' is listed twice";
            case TEXT_TOO_LONG -> "'" + details.get(0) + "' has " + details.get(1) + " characters, more than "
                    + details.get(2);
            case CONDITION_UNKNOWN_QUESTION, CONDITION_LATER_QUESTION -> "'" + details.get(0) + "' refers to '"
                    + details.get(1) + "', which is not a question asked before this one";
            case CONDITION_NO_VALUE -> "'" + details.get(0) + "' on '" + details.get(1) + "' needs a list of values";
            case CONDITION_UNKNOWN_VALUE -> "'" + details.get(0) + "' on '" + details.get(1) + "' names value '"
                    + details.get(2) + "', which that question does not have";
        };
    }
}
