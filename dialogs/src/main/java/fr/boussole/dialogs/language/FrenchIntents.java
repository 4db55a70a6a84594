package fr.boussole.dialogs.language;

import fr.boussole.core.language.Intent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The intent of a text: first exact keyword rules on the whole normal text ({@code language/intents/keywords.tsv}:
 * "stop", "aide", "oui" alone are certain, and must not depend on a model), then the OpenNLP model for free text,
 * trusted only above a confidence. Stop and erase need more confidence, and pass the {@link EndingGuard}: acting
 * on them wrongly ends a conversation or deletes data, while OTHER only makes the engine ask again.
 */
final class FrenchIntents {

    /** Below this probability the model's guess is not acted upon (see docs/language.md for how it was chosen). */
    static final double CONFIDENCE = 0.5;
    static final double CONFIDENCE_TO_END = 0.7;
    /** Past this many words a text is a message, not a command: the model reads only its start. */
    private static final int MAX_TOKENS = 40;

    private final Map<String, Intent> keywords;
    private final IntentModel model;
    private final EndingGuard guard;

    private FrenchIntents(Map<String, Intent> keywords, IntentModel model, EndingGuard guard) {
        this.keywords = keywords;
        this.model = model;
        this.guard = guard;
    }

    static FrenchIntents load(FrenchNormaliser normaliser) {
        Map<String, Intent> keywords = new HashMap<>();
        for (String[] row : Resources.tabSeparated("/language/intents/keywords.tsv", 2)) {
            keywords.put(normaliser.normalise(row[1]), Intent.valueOf(row[0]));
        }
        return new FrenchIntents(keywords, IntentModel.train(examples(normaliser, "/language/intents/training.tsv")),
                EndingGuard.load(normaliser));
    }

    static List<IntentModel.Example> examples(FrenchNormaliser normaliser, String resource) {
        List<IntentModel.Example> examples = new ArrayList<>();
        for (String[] row : Resources.tabSeparated(resource, 2)) {
            examples.add(new IntentModel.Example(Intent.valueOf(row[0]), normaliser.tokens(row[1])));
        }
        return examples;
    }

    Intent of(List<String> tokens) {
        if (tokens.isEmpty()) {
            return Intent.OTHER;
        }
        Intent rule = keywords.get(String.join(" ", tokens));
        if (rule != null) {
            return rule;
        }
        IntentModel.Guess guess = model.guess(tokens.size() > MAX_TOKENS ? tokens.subList(0, MAX_TOKENS) : tokens);
        double needed = guess.intent() == Intent.STOP || guess.intent() == Intent.ERASE ? CONFIDENCE_TO_END : CONFIDENCE;
        return guess.probability() >= needed ? guard.check(guess.intent(), tokens) : Intent.OTHER;
    }
}
