package fr.boussole.dialogs.language;

import fr.boussole.core.language.Intent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A policy on the intents that end something, when the model proposes them: STOP (no more messages) and ERASE
 * (delete the young person's data). A bag of words cannot tell "je veux arrêter les messages" from "je veux
 * arrêter de fumer", and in a service that helps with health and school the second kind is common; taking it
 * for an opt-out would silence the young person who asked for help. So a message about a topic of their life,
 * or a question, is not an order to stop or erase, unless it also names our messages or their data.
 * The words are in {@code language/intents/ending-guard.tsv}; the keyword rules ("stop" alone) are not guarded.
 */
final class EndingGuard {

    private final Set<String> topics;
    private final List<List<String>> questionStarts;
    private final Set<String> aboutUs;

    private EndingGuard(Set<String> topics, List<List<String>> questionStarts, Set<String> aboutUs) {
        this.topics = topics;
        this.questionStarts = questionStarts;
        this.aboutUs = aboutUs;
    }

    static EndingGuard load(FrenchNormaliser normaliser) {
        Set<String> topics = new HashSet<>();
        List<List<String>> questionStarts = new ArrayList<>();
        Set<String> aboutUs = new HashSet<>();
        for (String[] row : Resources.tabSeparated("/language/intents/ending-guard.tsv", 2)) {
            List<String> words = normaliser.tokens(row[1]);
            switch (row[0]) {
                case "TOPIC" -> topics.addAll(words);
                case "ASKING" -> questionStarts.add(words);
                case "ABOUT_US" -> aboutUs.addAll(words);
                default -> throw new IllegalStateException("ending-guard.tsv: unknown kind " + row[0]);
            }
        }
        return new EndingGuard(topics, questionStarts, aboutUs);
    }

    /** The intent to act upon: OTHER instead of STOP or ERASE when the message is not an order to us. */
    Intent check(Intent proposed, List<String> tokens) {
        if (proposed != Intent.STOP && proposed != Intent.ERASE) {
            return proposed;
        }
        if (tokens.stream().anyMatch(aboutUs::contains)) {
            return proposed;
        }
        boolean topic = tokens.stream().anyMatch(topics::contains);
        boolean question = tokens.getLast().equals("?")
                || questionStarts.stream().anyMatch(start -> startsWith(tokens, start));
        return topic || question ? Intent.OTHER : proposed;
    }

    private static boolean startsWith(List<String> tokens, List<String> start) {
        return tokens.size() >= start.size() && tokens.subList(0, start.size()).equals(start);
    }
}
