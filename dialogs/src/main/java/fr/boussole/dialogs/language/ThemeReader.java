package fr.boussole.dialogs.language;

import fr.boussole.core.language.ThemeMention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The themes a message names, from {@code language/themes.tsv}, in the order of the words, each with the sub-theme
 * its words say if any. Words inside a longer phrase of another theme count for that one only. Mobilité internationale is the more precise: named with emploi or formation ("un stage à
 * l'étranger", "travailler au Canada"), it is the only theme kept.
 */
final class ThemeReader {

    static final String MOBILITY = "mobilite-internationale";

    private record Line(String theme, Optional<String> subTheme, Phrase phrase) {
    }

    private record Found(String theme, Optional<String> subTheme, int at, int end) {

        boolean inside(Found other) {
            return !other.theme().equals(theme) && other.at() <= at && end <= other.end()
                    && other.end() - other.at() > end - at;
        }
    }

    private final List<Line> lines;
    private final PhraseSet phrases;

    private ThemeReader(List<Line> lines) {
        this.lines = List.copyOf(lines);
        this.phrases = new PhraseSet(lines.stream().map(Line::phrase).toList());
    }

    static ThemeReader load(FrenchNormaliser normaliser) {
        List<Line> lines = new ArrayList<>();
        for (String[] row : Resources.tabSeparated("/language/themes.tsv", 3)) {
            lines.add(new Line(row[0], row[1].equals("-") ? Optional.empty() : Optional.of(row[1]),
                    Phrase.compile(row[2], normaliser)));
        }
        return new ThemeReader(lines);
    }

    List<Phrase> phrases() {
        return lines.stream().map(Line::phrase).toList();
    }

    List<ThemeMention> in(List<String> tokens) {
        List<Found> found = new ArrayList<>();
        for (PhraseSet.Found f : phrases.find(tokens)) {
            Line line = lines.get(f.phrase());
            found.add(new Found(line.theme(), line.subTheme(), f.start(), f.end()));
        }
        if (found.isEmpty()) {
            return List.of();
        }
        // words inside a longer phrase of another theme belong to it ("payer mes études" is a student job)
        List<Found> all = List.copyOf(found);
        found.removeIf(f -> all.stream().anyMatch(f::inside));
        if (found.stream().anyMatch(f -> f.theme().equals(MOBILITY))) {
            found.removeIf(f -> !f.theme().equals(MOBILITY) && !f.theme().equals("logement") && !f.theme().equals("sante"));
        }
        found.sort(Comparator.comparingInt(Found::at));
        Map<String, ThemeMention> byTheme = new LinkedHashMap<>();
        for (Found f : found) {
            ThemeMention known = byTheme.get(f.theme());
            if (known == null || (known.subTheme().isEmpty() && f.subTheme().isPresent())) {
                byTheme.put(f.theme(), new ThemeMention(f.theme(), f.subTheme()));
            }
        }
        return List.copyOf(byTheme.values());
    }
}
