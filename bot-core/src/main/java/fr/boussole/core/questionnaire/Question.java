package fr.boussole.core.questionnaire;

import java.util.List;

/** What kind of answer a step expects. A closed set: the engine reads each kind its own way. */
public sealed interface Question {

    /** One value among the options. */
    record SingleChoice(List<Option> options) implements Question {
        public SingleChoice {
            options = List.copyOf(options);
        }
    }

    /** One or more values among the options ("1 et 3"). */
    record MultipleChoice(List<Option> options) implements Question {
        public MultipleChoice {
            options = List.copyOf(options);
        }
    }

    /** A whole number within bounds, e.g. a monthly budget. */
    record Number(int min, int max, String unit) implements Question {
        public Number {
            if (min > max) {
                throw new IllegalArgumentException("min " + min + " is above max " + max);
            }
        }
    }

    /** Yes or no: the values are {@link #YES} and {@link #NO}. */
    record YesNo() implements Question {
        public static final String YES = "oui";
        public static final String NO = "non";
    }

    /** Anything typed, cut at a maximum length. */
    record FreeText(int maxLength) implements Question {}

    /** A commune of France; the value is its INSEE code. */
    record CommuneQuestion() implements Question {}
}
