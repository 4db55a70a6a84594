package fr.boussole.core.journey;

import fr.boussole.core.language.Intent;
import fr.boussole.core.language.Reading;
import fr.boussole.core.language.Understanding;
import fr.boussole.core.message.Choice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The understanding for one turn, remembering what it already worked out: a turn asks the intent of
 * the same message and normalises the same labels several times (global words, "je sais pas", yes or
 * no), and the intent model is the costly part. Not shared between turns or threads.
 */
final class TurnUnderstanding implements Understanding {

    private final Understanding understanding;
    private final Map<String, String> lasting;
    private final Map<String, Intent> intents = new HashMap<>();
    private final Map<String, String> normalised = new HashMap<>();
    private final Map<String, Reading> readings = new HashMap<>();

    /** @param lasting normalised forms worked out once for the engine's life (option labels, aliases) */
    TurnUnderstanding(Understanding understanding, Map<String, String> lasting) {
        this.understanding = understanding;
        this.lasting = lasting;
    }

    @Override
    public String normalise(String text) {
        String known = lasting.get(text);
        return known != null ? known : normalised.computeIfAbsent(text, understanding::normalise);
    }

    @Override
    public Intent intentOf(String text) {
        return intents.computeIfAbsent(text, understanding::intentOf);
    }

    @Override
    public OptionalInt numberIn(String text) {
        return understanding.numberIn(text);
    }

    @Override
    public Optional<Choice> choiceIn(String text, List<Choice> choices) {
        return understanding.choiceIn(text, choices);
    }

    @Override
    public Reading read(String text) {
        return readings.computeIfAbsent(text, understanding::read);
    }
}
