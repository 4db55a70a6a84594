package fr.boussole.dialogs.language;

import fr.boussole.core.language.Distress;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The safety net: deterministic phrases of {@code language/safety/distress.tsv}, never a model, read on the normal
 * tokens of every message before anything else. Three kinds of lines: a danger (SUICIDE, SELF_HARM, NO_SHELTER,
 * VIOLENCE, ABUSE, HARASSMENT, HEALTH) with the phrases that say it; NOW, phrases that make any danger of the message
 * immediate ("ce soir", "j'ai avalé"); NOT, figures of speech that are never a danger ("mort de rire", "ça me tue"),
 * taken out of the message before the dangers are looked for. Recall comes first: a false alarm costs one line of
 * help shown in passing, a miss may cost a life.
 */
final class SafetyNet {

    static final String RESOURCE = "/language/safety/distress.tsv";

    private final PhraseSet dangers;
    private final List<Distress.Kind> kinds;
    private final PhraseSet now;
    private final List<Phrase> not;

    private SafetyNet(List<Phrase> dangers, List<Distress.Kind> kinds, List<Phrase> now, List<Phrase> not) {
        this.dangers = new PhraseSet(dangers);
        this.kinds = List.copyOf(kinds);
        this.now = new PhraseSet(now);
        this.not = List.copyOf(not);
    }

    static SafetyNet load(FrenchNormaliser normaliser) {
        List<Phrase> dangers = new ArrayList<>();
        List<Distress.Kind> kinds = new ArrayList<>();
        List<Phrase> now = new ArrayList<>();
        List<Phrase> not = new ArrayList<>();
        for (String[] row : Resources.tabSeparated(RESOURCE, 2)) {
            Phrase phrase = Phrase.compile(row[1], normaliser);
            switch (row[0]) {
                case "NOW" -> now.add(phrase);
                case "NOT" -> not.add(phrase);
                default -> {
                    try {
                        kinds.add(Distress.Kind.valueOf(row[0]));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(RESOURCE + ": unknown kind " + row[0], e);
                    }
                    dangers.add(phrase);
                }
            }
        }
        return new SafetyNet(dangers, kinds, now, not);
    }

    /** Every danger the tokens say, each with whether it is now. */
    List<Distress> read(List<String> tokens) {
        List<String> masked = Masks.masked(tokens, not);
        Set<Distress.Kind> found = EnumSet.noneOf(Distress.Kind.class);
        for (PhraseSet.Found f : dangers.find(masked)) {
            found.add(kinds.get(f.phrase()));
        }
        if (found.isEmpty()) {
            return List.of();
        }
        boolean immediate = !now.find(masked).isEmpty();
        return found.stream().map(kind -> new Distress(kind, immediate)).toList();
    }

    /** Every phrase of the lexicon. */
    List<Phrase> phrases() {
        List<Phrase> all = new ArrayList<>(now.phrases());
        all.addAll(not);
        all.addAll(dangers.phrases());
        return all;
    }

    /** The phrases that find a danger in the tokens, for tests and for reviewing the lexicon. */
    List<String> evidence(List<String> tokens) {
        List<String> masked = Masks.masked(tokens, not);
        List<String> found = new ArrayList<>();
        dangers.find(masked).forEach(f -> found.add(kinds.get(f.phrase()) + ": " + dangers.phrases().get(f.phrase()).source()));
        now.find(masked).forEach(f -> found.add("NOW: " + now.phrases().get(f.phrase()).source()));
        return found;
    }
}
