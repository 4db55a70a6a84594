package fr.boussole.dialogs.language;

import fr.boussole.core.language.AgeMention;
import fr.boussole.core.language.ContactAddress;
import fr.boussole.core.language.PlaceMention;
import fr.boussole.core.language.Reading;
import fr.boussole.core.language.ThemeMention;
import fr.boussole.core.place.Commune;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts read in the ordinary held-out messages (age, place, theme, FAQ, contact, change of mind), against what
 * each line says it holds. Prints the score of each kind of fact and every mistake; fails below the floors.
 */
class ReadingHeldOutTest {

    private static final FrenchUnderstanding UNDERSTANDING = FrenchUnderstanding.load();
    /**
     * Floors per kind of fact. What a wrong fact costs differs: a place read where there is none, or an age from
     * a word, sends the journey astray (those are asserted line by line elsewhere); a theme or an FAQ missed only
     * lets the engine ask.
     */
    private static final Map<String, Double> FLOORS = Map.of("age", 1.0, "noage", 1.0, "born", 1.0,
            "commune", 0.95, "postcode", 1.0, "noplace", 1.0, "theme", 0.9, "faq", 0.9, "contact", 1.0,
            "suggest", 1.0);

    @Test
    void the_facts_of_held_out_messages_are_read() {
        Map<String, int[]> scores = new TreeMap<>();
        List<String> mistakes = new ArrayList<>();
        for (String[] line : HeldOut.lines("/language/safety/ordinary-heldout.tsv")) {
            if (line.length < 2 || line[1].isBlank()) {
                continue;
            }
            String text = line[0];
            Reading reading = UNDERSTANDING.read(text);
            for (String fact : line[1].split(" (?=[a-z]+(?:=|$| ))")) {
                String kind = fact.contains("=") ? fact.substring(0, fact.indexOf('=')) : fact;
                String expected = fact.contains("=") ? fact.substring(fact.indexOf('=') + 1) : "";
                String actual = actual(kind, reading);
                boolean right = expected.isEmpty() ? actual.isEmpty() : expected.equals(actual);
                int[] score = scores.computeIfAbsent(kind, k -> new int[2]);
                score[1]++;
                if (right) {
                    score[0]++;
                } else {
                    mistakes.add("  " + kind + ": expected '" + expected + "', read '" + actual + "' in: " + text);
                }
            }
        }
        System.out.println("Facts read in the ordinary held-out messages:");
        scores.forEach((kind, s) -> System.out.printf("  %-9s %d/%d%n", kind, s[0], s[1]));
        mistakes.forEach(System.out::println);
        scores.forEach((kind, s) -> assertThat((double) s[0] / s[1]).as(kind)
                .isGreaterThanOrEqualTo(FLOORS.getOrDefault(kind, 1.0)));
    }

    /** What the reading holds for a kind of fact, written as the held-out file writes it ("" for nothing). */
    private static String actual(String kind, Reading reading) {
        return switch (kind) {
            case "age" -> reading.age().filter(a -> a instanceof AgeMention.Years)
                    .map(a -> Integer.toString(((AgeMention.Years) a).years())).orElse("");
            case "born" -> reading.age().filter(a -> a instanceof AgeMention.BirthYear)
                    .map(a -> Integer.toString(((AgeMention.BirthYear) a).year())).orElse("");
            case "noage" -> reading.age().map(Object::toString).orElse("");
            case "commune" -> reading.place().map(p -> p.communes().getFirst().name()).orElse("");
            case "postcode" -> reading.place().filter(p -> p.kind() == PlaceMention.Kind.POSTAL_CODE)
                    .flatMap(p -> postalCode(p)).orElse("");
            case "noplace" -> reading.place().map(p -> p.span() + " -> " + p.communes().getFirst().name()).orElse("");
            case "theme" -> reading.theme().map(ThemeMention::theme).orElse(
                    reading.themes().isEmpty() ? "" : reading.themes().toString());
            case "faq" -> reading.faq().orElse("");
            case "contact" -> reading.contact().map(c -> c instanceof ContactAddress.Phone ? "phone" : "email").orElse("");
            case "suggest" -> reading.contact().filter(c -> c instanceof ContactAddress.Email)
                    .flatMap(c -> ((ContactAddress.Email) c).suggestion())
                    .map(s -> s.substring(s.indexOf('@') + 1)).orElse("");
            case "change" -> reading.changeOfMind() ? "" : "no change of mind";
            default -> throw new IllegalArgumentException("unknown fact " + kind);
        };
    }

    private static Optional<String> postalCode(PlaceMention place) {
        List<String> shared = new ArrayList<>(place.communes().getFirst().postalCodes());
        for (Commune commune : place.communes()) {
            shared.retainAll(commune.postalCodes());
        }
        return shared.stream().findFirst();
    }
}
