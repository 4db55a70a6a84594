package fr.boussole.core.journey;

import java.util.List;

/** What a message meant as an answer to a questionnaire step. */
sealed interface StepAnswer {

    /** A valid answer: the value ids (offers' criteria read them) and their labels (professionals read them). */
    record Given(List<String> values, List<String> labels) implements StepAnswer {
        public Given {
            values = List.copyOf(values);
            labels = List.copyOf(labels);
        }
    }

    /** Several communes match: the young person has to choose. */
    record Ambiguous(List<String> communeInsees) implements StepAnswer {
        public Ambiguous {
            communeInsees = List.copyOf(communeInsees);
        }
    }

    /** Not an answer; the key of the text that says why, kindly. */
    record Invalid(String reasonKey) implements StepAnswer {}
}
