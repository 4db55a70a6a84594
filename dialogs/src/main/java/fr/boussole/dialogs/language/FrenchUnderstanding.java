package fr.boussole.dialogs.language;

import fr.boussole.core.language.Intent;
import fr.boussole.core.language.Understanding;
import fr.boussole.core.message.Choice;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * French understanding for the dialogs: build it once with {@link #load()} (it trains the intent model, well
 * under a second) and share it; it is immutable and thread-safe.
 */
public final class FrenchUnderstanding implements Understanding {

    /** Texts longer than this are cut before reading: nobody answers a question with a novel. */
    private static final int MAX_CHARS = 2_000;

    private final FrenchNormaliser normaliser;
    private final FrenchIntents intents;
    private final ChoiceMatcher choices;

    private FrenchUnderstanding(FrenchNormaliser normaliser, FrenchIntents intents) {
        this.normaliser = normaliser;
        this.intents = intents;
        this.choices = new ChoiceMatcher(normaliser);
    }

    public static FrenchUnderstanding load() {
        FrenchNormaliser normaliser = FrenchNormaliser.load();
        return new FrenchUnderstanding(normaliser, FrenchIntents.load(normaliser));
    }

    @Override
    public String normalise(String text) {
        return String.join(" ", normalTokens(text).stream().filter(t -> !t.equals("?")).toList());
    }

    @Override
    public Intent intentOf(String text) {
        return intents.of(normalTokens(text));
    }

    @Override
    public OptionalInt numberIn(String text) {
        return FrenchNumbers.in(normalTokens(text));
    }

    @Override
    public Optional<Choice> choiceIn(String text, List<Choice> offered) {
        return choices.match(cut(text), offered);
    }

    private List<String> normalTokens(String text) {
        return text == null ? List.of() : normaliser.tokens(cut(text));
    }

    private static String cut(String text) {
        return text != null && text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }
}
