package fr.boussole.dialogs.language;

import fr.boussole.core.language.Distress;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    private final Map<Distress.Kind, List<Phrase>> dangers;
    private final List<Phrase> now;
    private final List<Phrase> not;

    private SafetyNet(Map<Distress.Kind, List<Phrase>> dangers, List<Phrase> now, List<Phrase> not) {
        this.dangers = dangers;
        this.now = now;
        this.not = not;
    }

    static SafetyNet load(FrenchNormaliser normaliser) {
        Map<Distress.Kind, List<Phrase>> dangers = new EnumMap<>(Distress.Kind.class);
        List<Phrase> now = new ArrayList<>();
        List<Phrase> not = new ArrayList<>();
        for (String[] row : Resources.tabSeparated(RESOURCE, 2)) {
            Phrase phrase = Phrase.compile(row[1], normaliser);
            switch (row[0]) {
                case "NOW" -> now.add(phrase);
                case "NOT" -> not.add(phrase);
                default -> {
                    Distress.Kind kind;
                    try {
                        kind = Distress.Kind.valueOf(row[0]);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(RESOURCE + ": unknown kind " + row[0], e);
                    }
                    dangers.computeIfAbsent(kind, k -> new ArrayList<>()).add(phrase);
                }
            }
        }
        return new SafetyNet(dangers, now, not);
    }

    /** Every danger the tokens say, each with whether it is now. */
    List<Distress> read(List<String> tokens) {
        List<String> masked = Masks.masked(tokens, not);
        List<Distress.Kind> kinds = new ArrayList<>();
        dangers.forEach((kind, phrases) -> {
            if (phrases.stream().anyMatch(p -> p.in(masked))) {
                kinds.add(kind);
            }
        });
        if (kinds.isEmpty()) {
            return List.of();
        }
        boolean immediate = now.stream().anyMatch(p -> p.in(masked));
        return kinds.stream().map(kind -> new Distress(kind, immediate)).toList();
    }

    /** Every phrase of the lexicon. */
    List<Phrase> phrases() {
        List<Phrase> all = new ArrayList<>(now);
        all.addAll(not);
        dangers.values().forEach(all::addAll);
        return all;
    }

    /** The phrases that find a danger in the tokens, for tests and for reviewing the lexicon. */
    List<String> evidence(List<String> tokens) {
        List<String> masked = Masks.masked(tokens, not);
        List<String> found = new ArrayList<>();
        dangers.forEach((kind, phrases) -> phrases.stream().filter(p -> p.in(masked))
                .forEach(p -> found.add(kind + ": " + p.source())));
        now.stream().filter(p -> p.in(masked)).forEach(p -> found.add("NOW: " + p.source()));
        return found;
    }
}
