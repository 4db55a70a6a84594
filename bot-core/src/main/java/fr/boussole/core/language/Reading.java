package fr.boussole.core.language;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one message says, whatever the step: what it asks or answers (the intent), whether the young
 * person is in danger, and the facts it gives (age, place, theme, contact address), a question of the FAQ,
 * a change of mind. Several facts may come in one message ("bonjour j'ai 19 ans j'habite à Cahors et je
 * cherche un boulot"); the engine decides what each means at its step.
 *
 * @param intent       the intent of the whole message (OTHER when none)
 * @param distress     every danger the message says, the most pressing first (now before later, then by kind)
 * @param age          an age in years or a birth year, only from numbers, number words or keycap emoji
 * @param place        the span that names a place, with the communes it may be
 * @param themes       the themes named, in the order of the words
 * @param contact      a phone number or an email address written in the message
 * @param faq          the id of the FAQ entry asked (answer: text key {@code faq.<id>})
 * @param changeOfMind words that take back an earlier answer ("non en fait", "plutôt", "finalement")
 */
public record Reading(Intent intent, List<Distress> distress, Optional<AgeMention> age, Optional<PlaceMention> place,
                      List<ThemeMention> themes, Optional<ContactAddress> contact, Optional<String> faq,
                      boolean changeOfMind) {

    /** Now first, then by kind in the order of {@link Distress.Kind} (suicide first). */
    public static final Comparator<Distress> MOST_PRESSING_FIRST =
            Comparator.comparing((Distress d) -> !d.now()).thenComparing(Distress::kind);

    public Reading {
        Objects.requireNonNull(intent, "intent");
        distress = distress.stream().sorted(MOST_PRESSING_FIRST).toList();
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(place, "place");
        themes = List.copyOf(themes);
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(faq, "faq");
    }

    /** A message that says nothing understood (empty text). */
    public static Reading nothing() {
        return new Reading(Intent.OTHER, List.of(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), false);
    }

    public boolean inDistress() {
        return !distress.isEmpty();
    }

    /** The danger to answer first, if any. */
    public Optional<Distress> mostPressing() {
        return distress.stream().findFirst();
    }

    /**
     * The one theme the message means: the only theme named, or, with a change of mind, the last one
     * ("pas l'emploi, plutôt la formation" → formation). Empty when none, or several without a change of mind.
     */
    public Optional<ThemeMention> theme() {
        if (themes.isEmpty()) {
            return Optional.empty();
        }
        if (changeOfMind) {
            return Optional.of(themes.getLast());
        }
        long distinct = themes.stream().map(ThemeMention::theme).distinct().count();
        return distinct == 1 ? Optional.of(themes.getFirst()) : Optional.empty();
    }
}
