package fr.boussole.dialogs.language;

import fr.boussole.core.language.PlaceMention;
import fr.boussole.dialogs.commune.Communes;
import fr.boussole.dialogs.commune.Communes.Match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of a message that names a place, and the communes it may be. Only a span that looks like a place is
 * looked up, never the whole of a sentence: a question, a thank-you or a word of the lexicons is not a commune,
 * even one letter away from one ("c'est payant ?" is not Pavant, "merci" not Mercy, "je suis à la rue" not Rue).
 * In order, the first that names communes wins:
 * <ol>
 *   <li>a postal code ("46100", "46 100"), with the name beside it if any ("Figeac 46100");</li>
 *   <li>the words after a strong marker ("j'habite à", "je suis de", "près de"): typos tolerated;</li>
 *   <li>the whole message, when it holds only words that may be a name (not a question, at most six words):
 *       typos tolerated, as the commune step always did ("cahros", "st cere", "Figeac (46)");</li>
 *   <li>a part of the message between commas that holds only such words ("20 ans, Gourdon, logement"): exact names;</li>
 *   <li>the words after a weak marker ("un appart à Cahors"): exact names;</li>
 *   <li>any run of words that are in no lexicon: exact names ("19 ans cahors emploi").</li>
 * </ol>
 * The markers are in {@code language/places/places.tsv}, the words never read as places in
 * {@code language/places/common-words.txt} plus every word of the other lexicons that is not a commune's name.
 */
final class PlaceReader {

    private static final Pattern SEGMENT = Pattern.compile("[,;.!?:\\n()\\[\\]]+");
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final Pattern DEPARTEMENT = Pattern.compile("\\d{2}");
    /** Small words found inside commune names ("Biars-sur-Cère", "Villefranche-de-Rouergue", "Le Vigan"). */
    private static final Set<String> CONNECTORS = Set.of("de", "du", "des", "d", "la", "le", "les", "l", "sur", "sous",
            "en", "saint", "sainte", "saints", "saintes", "aux", "au");
    private static final Set<String> ARTICLES = Set.of("le", "la", "les", "l");
    /** Small words between a marker and the name, skipped ("j'habite à Cahors", "près de Figeac"). */
    private static final Set<String> PREPOSITIONS = Set.of("a", "au", "aux", "en", "sur", "dans", "vers", "de", "d", "du");
    private static final int MAX_SPAN = 6;

    private final FrenchNormaliser normaliser;
    private final Communes communes;
    private final Set<String> notPlaces;
    private final List<Phrase> strong;
    private final List<Phrase> weak;
    private final List<Phrase> names;

    private PlaceReader(FrenchNormaliser normaliser, Communes communes, Set<String> notPlaces, List<Phrase> strong,
                        List<Phrase> weak, List<Phrase> names) {
        this.normaliser = normaliser;
        this.communes = communes;
        this.notPlaces = notPlaces;
        this.strong = strong;
        this.weak = weak;
        this.names = names;
    }

    /**
     * @param lexiconWords every word of the other lexicons: those that are not a commune's exact name are never
     *                     read as a place; those that are must be listed in common-words.txt to stay words
     */
    static PlaceReader load(FrenchNormaliser normaliser, Communes communes, Set<String> lexiconWords) {
        Set<String> notPlaces = new HashSet<>();
        for (String word : lexiconWords) {
            if (communes.find(word, Match.LITERAL).isEmpty()) {
                notPlaces.add(word);
            }
        }
        for (String[] row : Resources.tabSeparated("/language/places/common-words.txt", 1)) {
            notPlaces.addAll(normaliser.tokens(row[0]));
        }
        List<Phrase> strong = new ArrayList<>();
        List<Phrase> weak = new ArrayList<>();
        List<Phrase> names = new ArrayList<>();
        for (String[] row : Resources.tabSeparated("/language/places/places.tsv", 2)) {
            Phrase phrase = Phrase.compile(row[1], normaliser);
            switch (row[0]) {
                case "STRONG" -> strong.add(phrase);
                case "WEAK" -> weak.add(phrase);
                case "NAME" -> names.add(phrase);
                default -> throw new IllegalStateException("places.tsv: unknown kind " + row[0]);
            }
        }
        return new PlaceReader(normaliser, communes, Set.copyOf(notPlaces), strong, weak, names);
    }

    /** @param text the message with its contact addresses taken out (an email holds dots, a number digits) */
    Optional<PlaceMention> in(String text, boolean question) {
        List<List<String>> segments = new ArrayList<>();
        for (String part : SEGMENT.split(text)) {
            List<String> tokens = normaliser.tokens(part).stream().filter(t -> !t.equals("?")).toList();
            if (!tokens.isEmpty()) {
                segments.add(tokens);
            }
        }
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        List<String> all = segments.stream().flatMap(List::stream).toList();
        return postalCode(segments)
                .or(() -> afterMarkers(segments, strong, Match.CLOSE))
                .or(() -> !question && all.size() <= MAX_SPAN && mayBeName(all) ? find(all, Match.CLOSE) : Optional.empty())
                .or(() -> wholeSegments(segments))
                .or(() -> afterMarkers(segments, weak, Match.PREFIX))
                .or(() -> residue(segments));
    }

    private Optional<PlaceMention> postalCode(List<List<String>> segments) {
        for (List<String> tokens : segments) {
            for (int i = 0; i < tokens.size(); i++) {
                String code = null;
                int end = i + 1;
                if (POSTAL_CODE.matcher(tokens.get(i)).matches()) {
                    code = tokens.get(i);
                } else if (i + 1 < tokens.size() && DEPARTEMENT.matcher(tokens.get(i)).matches()
                        && tokens.get(i + 1).length() == 3 && FrenchNumbers.isDigits(tokens.get(i + 1))) {
                    code = tokens.get(i) + tokens.get(i + 1);
                    end = i + 2;
                }
                if (code == null) {
                    continue;
                }
                int from = i;
                while (from > 0 && from > i - MAX_SPAN && isNameWord(tokens.get(from - 1))) {
                    from--;
                }
                int to = end;
                while (to < tokens.size() && to < end + MAX_SPAN && isNameWord(tokens.get(to))) {
                    to++;
                }
                List<String> span = new ArrayList<>(tokens.subList(from, i));
                span.add(code);
                span.addAll(tokens.subList(end, to));
                Optional<PlaceMention> found = find(span, Match.CLOSE);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<PlaceMention> afterMarkers(List<List<String>> segments, List<Phrase> markers, Match match) {
        for (List<String> tokens : segments) {
            for (Phrase marker : markers) {
                int from = 0;
                while (from < tokens.size()) {
                    int[] at = marker.find(tokens.subList(from, tokens.size()));
                    if (at == null) {
                        break;
                    }
                    int start = from + at[1];
                    Optional<PlaceMention> found = nameFrom(tokens, start, match);
                    if (found.isPresent()) {
                        return found;
                    }
                    from = from + at[0] + 1;
                }
            }
        }
        return Optional.empty();
    }

    /** The longest run of name words from {@code start} that names communes, shrinking from the right. */
    private Optional<PlaceMention> nameFrom(List<String> tokens, int from, Match match) {
        int start = from;
        while (start < tokens.size() && PREPOSITIONS.contains(tokens.get(start))) {
            start++; // "j'habite à Cahors", "près de Figeac"
        }
        int end = start;
        while (end < tokens.size() && end - start < MAX_SPAN
                && (isNameWord(tokens.get(end)) || CONNECTORS.contains(tokens.get(end)))) {
            end++;
        }
        for (int stop = end; stop > start; stop--) {
            List<String> span = tokens.subList(start, stop);
            if (!mayBeName(span)) {
                continue;
            }
            Optional<PlaceMention> found = find(span, match);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<PlaceMention> wholeSegments(List<List<String>> segments) {
        if (segments.size() < 2) {
            return Optional.empty();
        }
        for (List<String> tokens : segments) {
            if (tokens.size() <= MAX_SPAN && mayBeName(tokens)) {
                Optional<PlaceMention> found = find(tokens, Match.PREFIX);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<PlaceMention> residue(List<List<String>> segments) {
        for (List<String> tokens : segments) {
            boolean[] named = namesOfPeople(tokens);
            int i = 0;
            while (i < tokens.size()) {
                if (!isNameWord(tokens.get(i)) || named[i]) {
                    i++;
                    continue;
                }
                int start = i;
                while (start > 0 && ARTICLES.contains(tokens.get(start - 1))) {
                    start--;
                }
                int word = i;
                Optional<PlaceMention> found = nameFrom(tokens, start, Match.LITERAL)
                        .or(() -> nameFrom(tokens, word, Match.LITERAL)); // "la ramasse" is not La Ramasse…
                if (found.isPresent()) {
                    return found;
                }
                i++;
            }
        }
        return Optional.empty();
    }

    /** Tokens right after "je m'appelle", "moi c'est": a person's name, not a place. */
    private boolean[] namesOfPeople(List<String> tokens) {
        boolean[] named = new boolean[tokens.size()];
        for (Phrase phrase : names) {
            int[] at = phrase.find(tokens);
            if (at != null && at[1] < tokens.size()) {
                named[at[1]] = true;
            }
        }
        return named;
    }

    private Optional<PlaceMention> find(List<String> span, Match match) {
        String typed = String.join(" ", span);
        return communes.find(typed, match)
                .map(found -> new PlaceMention(typed, found.communes(), found.kind()));
    }

    /** Whether these words may be a commune's name: name words and the small words inside names, a name word last. */
    private boolean mayBeName(List<String> tokens) {
        boolean name = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (isNameWord(token)) {
                name = true;
            } else if (CONNECTORS.contains(token)) {
                if (i == tokens.size() - 1) {
                    return false;
                }
            } else if (!(i == tokens.size() - 1 && i > 0 && DEPARTEMENT.matcher(token).matches())) {
                return false; // "Marseille 13", "Figeac (46)": a département after a name
            }
        }
        return name;
    }

    private boolean isNameWord(String token) {
        return !notPlaces.contains(token) && !token.isEmpty() && Character.isLetter(token.charAt(0))
                && token.chars().allMatch(Character::isLetter);
    }
}
