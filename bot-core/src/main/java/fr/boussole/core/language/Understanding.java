package fr.boussole.core.language;

import fr.boussole.core.message.Choice;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** French understanding of what young people type. */
public interface Understanding {

    /** Lower case, no accents, no punctuation, single spaces, "st" expanded: for comparisons. */
    String normalise(String text);

    /** The intent of a free-text answer; OTHER when it is none of the known ones. */
    Intent intentOf(String text);

    /** A number written in digits or words ("19", "19 ans", "dix-neuf ans"), if any. */
    OptionalInt numberIn(String text);

    /** The choice meant by a text: its number in the list, its label, or a close word. */
    Optional<Choice> choiceIn(String text, List<Choice> choices);

    /**
     * Everything the message says, whatever the step: intent, distress, age, place, themes, contact
     * address, FAQ question, change of mind. The engine reads distress first, at every step.
     */
    Reading read(String text);
}
