package fr.boussole.dialogs.transcripts;

import fr.boussole.core.language.Intent;
import fr.boussole.core.language.Understanding;
import fr.boussole.core.message.Choice;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small keyword implementation of the {@link Understanding} port, for the transcripts until the
 * OpenNLP one (another engineer's, same module) is merged: exact phrases only, no model.
 */
final class KeywordUnderstanding implements Understanding {

    private static final Map<String, Intent> PHRASES = Map.ofEntries(
            Map.entry("aide", Intent.HELP), Map.entry("help", Intent.HELP), Map.entry("je comprends pas", Intent.HELP),
            Map.entry("retour", Intent.BACK), Map.entry("revenir", Intent.BACK),
            Map.entry("recommencer", Intent.RESTART), Map.entry("on recommence", Intent.RESTART),
            Map.entry("stop", Intent.STOP), Map.entry("arret", Intent.STOP),
            Map.entry("effacer", Intent.ERASE), Map.entry("supprimer mes donnees", Intent.ERASE),
            Map.entry("oui", Intent.YES), Map.entry("ouais", Intent.YES), Map.entry("ok", Intent.YES),
            Map.entry("d accord", Intent.YES), Map.entry("j accepte", Intent.YES), Map.entry("carrement", Intent.YES),
            Map.entry("non", Intent.NO), Map.entry("nan", Intent.NO), Map.entry("non merci", Intent.NO),
            Map.entry("pas du tout", Intent.NO),
            Map.entry("plus", Intent.MORE), Map.entry("encore", Intent.MORE), Map.entry("d autres", Intent.MORE),
            Map.entry("je sais pas", Intent.DONT_KNOW), Map.entry("jsp", Intent.DONT_KNOW),
            Map.entry("bonjour", Intent.GREETING), Map.entry("salut", Intent.GREETING), Map.entry("coucou", Intent.GREETING),
            Map.entry("slt", Intent.GREETING), Map.entry("hello", Intent.GREETING));
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("quinze", 15), Map.entry("seize", 16), Map.entry("dix sept", 17), Map.entry("dix huit", 18),
            Map.entry("dix neuf", 19), Map.entry("vingt", 20), Map.entry("vingt et un", 21), Map.entry("vingt deux", 22),
            Map.entry("trente", 30), Map.entry("douze", 12), Map.entry("quarante", 40));
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    @Override
    public String normalise(String text) {
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[^a-z0-9]+", " ").strip();
    }

    @Override
    public Intent intentOf(String text) {
        return PHRASES.getOrDefault(normalise(text), Intent.OTHER);
    }

    @Override
    public OptionalInt numberIn(String text) {
        Matcher digits = DIGITS.matcher(text);
        if (digits.find() && digits.group().length() <= 6) {
            return OptionalInt.of(Integer.parseInt(digits.group()));
        }
        String normalised = normalise(text).replaceAll("\\bans?\\b", "").strip();
        Integer word = NUMBER_WORDS.get(normalised);
        return word == null ? OptionalInt.empty() : OptionalInt.of(word);
    }

    @Override
    public Optional<Choice> choiceIn(String text, List<Choice> choices) {
        String typed = normalise(text);
        if (typed.matches("\\d{1,2}")) {
            int index = Integer.parseInt(typed) - 1;
            return index >= 0 && index < choices.size() ? Optional.of(choices.get(index)) : Optional.empty();
        }
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        for (Choice choice : choices) {
            if (normalise(choice.label()).equals(typed) || choice.id().equals(typed)) {
                return Optional.of(choice);
            }
        }
        List<Choice> containing = choices.stream()
                .filter(c -> typed.length() >= 4 && (" " + normalise(c.label()) + " ").contains(" " + typed + " "))
                .toList();
        return containing.size() == 1 ? Optional.of(containing.getFirst()) : Optional.empty();
    }
}
