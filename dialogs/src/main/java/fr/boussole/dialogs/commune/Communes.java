package fr.boussole.dialogs.commune;

import fr.boussole.core.language.PlaceMention;
import fr.boussole.core.place.Commune;
import fr.boussole.core.place.CommuneDirectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every current commune of France, with indexes computed once at load: by INSEE code, by postal code, by
 * normalised name, and by letter trigrams for names typed with mistakes. Immutable, so safe to share between
 * threads.
 */
public final class Communes implements CommuneDirectory {

    /** Most communes offered for one typed name: more is not a choice a young person can make by SMS. */
    public static final int MAX_RESULTS = 5;
    /** Longer input is not a commune name; refusing it early keeps resolution cheap whatever is typed. */
    private static final int MAX_INPUT = 120;
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    /** "46 100", as postal codes are sometimes written. */
    private static final Pattern SPACED_POSTAL_CODE = Pattern.compile("\\b(\\d{2}) (\\d{3})\\b");
    private static final Pattern INSEE_CODE = Pattern.compile("(?:\\d{5}|2[abAB]\\d{3})");
    private static final Pattern DEPARTEMENT = Pattern.compile("(?:\\d{2}|2[ab]|97\\d)");
    /** Words people put before a commune name ("j'habite à Figeac", "commune de Cahors"). */
    private static final Set<String> LEADING_FILLERS = Set.of(
            "j", "je", "jhabite", "habite", "suis", "vis", "chui", "sui", "moi", "a", "au", "aux", "en", "sur",
            "dans", "de", "du", "d", "pres", "vers", "commune", "ville", "village", "c", "cest", "est", "ma", "mon",
            "bonjour", "salut", "slt", "bjr", "coucou", "alors", "euh", "ben", "bah", "habiter", "vivre", "vie");
    /** An arrondissement typed after a city ("Lyon 3e", "Paris 11eme"): the commune is the city. */
    private static final Pattern ARRONDISSEMENT = Pattern.compile("\\d{1,2}(?:e|eme|er|ieme)");
    /** All typed words starting a longer name rank with one-letter typos: "Villefranche" means a Villefranche-…. */
    private static final int PREFIX_DISTANCE = 1;
    private static final Comparator<Candidate> RANKING = Comparator.comparingInt(Candidate::distance)
            .thenComparing(Candidate::sameLetters, Comparator.reverseOrder())
            .thenComparing(c -> c.commune().population(), Comparator.reverseOrder())
            .thenComparing(c -> c.commune().insee());

    private final Commune[] communes;
    private final String[] keys;
    private final Map<String, Commune> byInsee;
    private final Map<String, int[]> byPostalCode;
    private final Map<String, int[]> byKey;
    private final TrigramIndex trigrams;
    private final WordPrefixes prefixes;
    private final LetterCounts letters;

    private Communes(List<Commune> all) {
        communes = all.toArray(Commune[]::new);
        keys = new String[communes.length];
        String[] spaced = new String[communes.length];
        byInsee = new HashMap<>(communes.length * 2);
        Map<String, List<Integer>> postal = new HashMap<>();
        Map<String, List<Integer>> names = new HashMap<>();
        for (int i = 0; i < communes.length; i++) {
            Commune commune = communes[i];
            List<String> words = CommuneNames.words(commune.name());
            keys[i] = CommuneNames.key(words);
            spaced[i] = CommuneNames.spaced(words);
            byInsee.put(commune.insee(), commune);
            for (String code : commune.postalCodes()) {
                postal.computeIfAbsent(code, c -> new ArrayList<>()).add(i);
            }
            names.computeIfAbsent(keys[i], k -> new ArrayList<>()).add(i);
        }
        byPostalCode = new HashMap<>(postal.size() * 2);
        postal.forEach((code, list) -> byPostalCode.put(code, byPopulation(list)));
        byKey = new HashMap<>(names.size() * 2);
        names.forEach((key, list) -> byKey.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        trigrams = new TrigramIndex(keys);
        prefixes = new WordPrefixes(spaced);
        letters = new LetterCounts(keys);
    }

    /** The communes shipped in the resources (rebuilt by {@code scripts/communes/build}). */
    public static Communes load() {
        return new Communes(CommuneFile.read());
    }

    /**
     * The shipped communes, loaded once per class loader and shared: they are immutable, and several parts of one
     * process (understanding, the directory, tests) need the same 35,000 communes.
     */
    public static Communes shipped() {
        return Shipped.COMMUNES;
    }

    private static final class Shipped {
        static final Communes COMMUNES = load();
    }

    /** A directory of the given communes (tests, or another source). */
    public static Communes of(List<Commune> communes) {
        return new Communes(communes);
    }

    public int size() {
        return communes.length;
    }

    /** Every commune, for building other views of the same data (departments, intercommunalities). */
    java.util.stream.Stream<Commune> all() {
        return Arrays.stream(communes);
    }

    @Override
    public Optional<Commune> byInsee(String insee) {
        return insee == null ? Optional.empty() : Optional.ofNullable(byInsee.get(insee.trim().toUpperCase(Locale.ROOT)));
    }

    @Override
    public List<Commune> resolve(String typed) {
        return search(typed, Match.CLOSE, MAX_RESULTS).map(Found::communes).orElse(List.of());
    }

    /**
     * What a span of a message names, and how: every commune of a postal code, every homonym of an exact name (not
     * only the first {@link #MAX_RESULTS}: the engine puts the territory's first), or the names the span may mean by
     * {@code match}. Empty when nothing is named.
     */
    public Optional<Found> find(String typed, Match match) {
        return search(typed, match, Integer.MAX_VALUE);
    }

    /** How close to a name the typed words must be. */
    public enum Match {
        /** As the commune step reads a name: typos, a missing article, the start of a longer name ("Cahros", "Vigan"). */
        CLOSE,
        /** The name as written, or its first words ("Biars" for Biars-sur-Cère); accents, case, "St" aside. */
        PREFIX,
        /** The name as written, article included ("Le Pas", never "pas"); accents, case, "St" aside. */
        LITERAL
    }

    /** The communes a span names, best first, and whether by postal code, exact name or close name. */
    public record Found(PlaceMention.Kind kind, List<Commune> communes) {
        public Found {
            communes = List.copyOf(communes);
        }
    }

    private Optional<Found> search(String typed, Match match, int homonyms) {
        if (typed == null || typed.isBlank() || typed.length() > MAX_INPUT) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>(CommuneNames.words(SPACED_POSTAL_CODE.matcher(typed).replaceAll("$1$2")));
        String code = null;
        String departement = null;
        for (var it = words.iterator(); it.hasNext(); ) {
            String word = it.next();
            if (code == null && (POSTAL_CODE.matcher(word).matches() || INSEE_CODE.matcher(word).matches())) {
                code = word;
                it.remove();
            } else if (words.size() > 1 && ARRONDISSEMENT.matcher(word).matches()) {
                it.remove();
            } else if (departement == null && words.size() > 1 && DEPARTEMENT.matcher(word).matches()) {
                departement = word.toUpperCase(Locale.ROOT);
                it.remove();
            }
        }
        dropLeadingFillers(words);
        String key = CommuneNames.key(words);
        Optional<Found> found = code != null ? byCode(code, key, match, words)
                : byName(key, CommuneNames.spaced(words), departement, match, homonyms, words);
        return found.filter(f -> !f.communes().isEmpty());
    }

    private Optional<Found> byCode(String code, String key, Match match, List<String> typedWords) {
        int[] sharing = byPostalCode.get(code);
        if (sharing == null) {
            Commune commune = byInsee.get(code.toUpperCase(Locale.ROOT));
            return commune != null ? Optional.of(new Found(PlaceMention.Kind.EXACT_NAME, List.of(commune)))
                    : key.isEmpty() ? Optional.empty() : byName(key, null, null, match, MAX_RESULTS, typedWords);
        }
        List<Commune> all = Arrays.stream(sharing).mapToObj(i -> communes[i]).toList();
        Found whole = new Found(PlaceMention.Kind.POSTAL_CODE, all);
        if (key.isEmpty()) {
            return Optional.of(whole);
        }
        // the code narrows the search to a few communes: one mistake more is tolerated in their names
        int max = match == Match.CLOSE ? NameTolerance.maxDistance(key.length()) + 1 : 0;
        List<Candidate> close = new ArrayList<>();
        for (int index : sharing) {
            int distance = EditDistance.within(key, keys[index], max);
            if (distance <= max) {
                close.add(new Candidate(communes[index], distance, false));
            }
        }
        if (!close.isEmpty()) {
            return Optional.of(new Found(PlaceMention.Kind.POSTAL_CODE, ranked(close, MAX_RESULTS)));
        }
        Optional<Found> named = byName(key, null, null, match, MAX_RESULTS, typedWords);
        return named.isEmpty() || named.get().communes().isEmpty() ? Optional.of(whole) : named;
    }

    /**
     * Exact names first (homonyms by population); else names within the tolerated number of mistakes, which must
     * keep the first letter (people rarely mistype it, and "where" would otherwise find "Mhère"), with names that
     * start with the typed words ("Villefranche") ranked as one mistake away. A departement number keeps only the
     * communes of that departement.
     */
    private Optional<Found> byName(String key, String spaced, String departement, Match match, int homonyms,
                                   List<String> typedWords) {
        if (key.isEmpty() || !CommuneNames.isLetters(key)) {
            return Optional.empty(); // no commune name holds a digit
        }
        int[] exact = byKey.get(key);
        int max = NameTolerance.maxDistance(key.length());
        List<Candidate> candidates = new ArrayList<>();
        if (exact != null) {
            for (int index : exact) {
                candidates.add(new Candidate(communes[index], 0, true));
            }
        }
        if (match == Match.PREFIX && exact == null && spaced != null && key.length() >= 4) {
            for (int index : prefixes.startingWith(spaced)) {
                candidates.add(new Candidate(communes[index], PREFIX_DISTANCE, false));
            }
        }
        if (match != Match.CLOSE) {
            candidates.removeIf(c -> !asWritten(typedWords, CommuneNames.words(c.commune().name()), match));
        }
        if (match == Match.CLOSE && (exact == null || departement != null)) {
            if (max > 0) {
                byte[] typedLetters = LetterCounts.of(key);
                for (int index : trigrams.candidates(key, max)) {
                    if (keys[index].charAt(0) == key.charAt(0)
                            && Math.abs(keys[index].length() - key.length()) <= max
                            && letters.bagDistance(typedLetters, index) <= max) {
                        int distance = EditDistance.within(key, keys[index], max);
                        if (distance <= max) {
                            candidates.add(new Candidate(communes[index], distance, sameLetters(key, keys[index])));
                        }
                    }
                }
            }
            if (spaced != null && key.length() >= 4) {
                for (int index : prefixes.startingWith(spaced)) {
                    candidates.add(new Candidate(communes[index], PREFIX_DISTANCE, false));
                }
            }
        }
        if (departement != null) {
            List<Candidate> inDepartement = candidates.stream()
                    .filter(c -> c.commune().departement().equals(departement)).toList();
            if (!inDepartement.isEmpty()) {
                candidates = inDepartement;
            }
        }
        boolean allExact = !candidates.isEmpty() && candidates.stream().allMatch(c -> c.distance() == 0);
        return Optional.of(new Found(allExact ? PlaceMention.Kind.EXACT_NAME : PlaceMention.Kind.CLOSE_NAME,
                ranked(candidates, allExact ? homonyms : MAX_RESULTS)));
    }

    /** Whether the typed words are the name's words (LITERAL) or their start (PREFIX), article included. */
    private static boolean asWritten(List<String> typed, List<String> name, Match match) {
        if (typed.size() > name.size() || (match == Match.LITERAL && typed.size() != name.size())) {
            return false;
        }
        return name.subList(0, typed.size()).equals(typed);
    }

    private static void dropLeadingFillers(List<String> words) {
        while (words.size() > 1 && LEADING_FILLERS.contains(words.getFirst())) {
            words.removeFirst();
        }
    }

    private static List<Commune> ranked(List<Candidate> candidates, int limit) {
        LinkedHashSet<Commune> best = new LinkedHashSet<>();
        candidates.stream().sorted(RANKING).forEach(c -> best.add(c.commune()));
        return best.stream().limit(limit).toList();
    }

    private int[] byPopulation(List<Integer> indexes) {
        return indexes.stream()
                .sorted(Comparator.comparingInt((Integer i) -> communes[i].population()).reversed()
                        .thenComparing(i -> communes[i].insee()))
                .mapToInt(Integer::intValue).toArray();
    }

    /** At equal distance, two swapped letters ("Cahros") are a likelier slip than another letter ("Carros"). */
    private static boolean sameLetters(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        Arrays.sort(x);
        Arrays.sort(y);
        return Arrays.equals(x, y);
    }

    private record Candidate(Commune commune, int distance, boolean sameLetters) {
    }
}
