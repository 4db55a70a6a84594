package fr.boussole.dialogs.language;

import fr.boussole.core.language.ContactAddress;
import fr.boussole.core.language.Distress;
import fr.boussole.core.language.Intent;
import fr.boussole.core.language.Reading;
import fr.boussole.core.language.ThemeMention;
import fr.boussole.core.language.Understanding;
import fr.boussole.core.message.Choice;
import fr.boussole.dialogs.commune.Communes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * French understanding for the dialogs: build it once with {@link #load(Communes)} (it trains the intent model and
 * reads the lexicons, well under a second) and share it; it is immutable and thread-safe.
 */
public final class FrenchUnderstanding implements Understanding {

    /** Texts longer than this are cut before reading: nobody answers a question with a novel. */
    private static final int MAX_CHARS = 2_000;

    private final FrenchNormaliser normaliser;
    private final FrenchIntents intents;
    private final ChoiceMatcher choices;
    private final SafetyNet safety;
    private final ThemeReader themes;
    private final FaqReader faq;
    private final List<Phrase> changeOfMind;
    private final ContactReader contacts;
    private final PlaceReader places;

    private FrenchUnderstanding(FrenchNormaliser normaliser, FrenchIntents intents, Communes communes) {
        this.normaliser = normaliser;
        this.intents = intents;
        this.choices = new ChoiceMatcher(normaliser);
        this.safety = SafetyNet.load(normaliser);
        this.themes = ThemeReader.load(normaliser);
        this.faq = FaqReader.of(Faq.bundled(), normaliser);
        this.changeOfMind = Resources.tabSeparated("/language/change-of-mind.txt", 1).stream()
                .map(row -> Phrase.compile(row[0], normaliser)).toList();
        this.contacts = ContactReader.load();
        this.places = PlaceReader.load(normaliser, communes, lexiconWords(normaliser));
    }

    /** Understanding over the given communes (the application's one directory). */
    public static FrenchUnderstanding load(Communes communes) {
        FrenchNormaliser normaliser = FrenchNormaliser.load();
        return new FrenchUnderstanding(normaliser, FrenchIntents.load(normaliser), communes);
    }

    /** Understanding over the communes shipped in the resources, loaded once per class loader. */
    public static FrenchUnderstanding load() {
        return load(Communes.shipped());
    }

    @Override
    public String normalise(String text) {
        return String.join(" ", normalTokens(text).stream().filter(t -> !t.equals("?")).toList());
    }

    @Override
    public Intent intentOf(String text) {
        if (text == null || text.isBlank()) {
            return Intent.OTHER;
        }
        String cut = cut(text);
        return intents.of(withoutContact(contacts.in(cut), normaliser.tokens(cut)));
    }

    @Override
    public OptionalInt numberIn(String text) {
        return FrenchNumbers.in(normalTokens(text));
    }

    @Override
    public Optional<Choice> choiceIn(String text, List<Choice> offered) {
        return choices.match(cut(text), offered);
    }

    @Override
    public Reading read(String text) {
        if (text == null || text.isBlank()) {
            return Reading.nothing();
        }
        String cut = cut(text);
        ContactReader.Read contact = contacts.in(cut);
        List<String> tokens = normaliser.tokens(cut);
        List<String> withoutContact = withoutContact(contact, tokens);
        List<Distress> distress = safety.read(tokens);
        boolean question = tokens.contains("?");
        List<ThemeMention> named = themes.in(withoutContact);
        return new Reading(intents.of(withoutContact), distress, AgeReader.in(withoutContact),
                places.in(contact.rest(), question), named, contact.contact(), faq.in(tokens),
                changeOfMind.stream().anyMatch(p -> p.in(tokens)));
    }

    /**
     * The words of a message around its phone number or email address: what the intent and the facts are read from.
     * An address is a name, not a word said: "avant@example.org" or "stop@example.org" typed at the contact step
     * must not go back a step or stop the conversation.
     */
    private List<String> withoutContact(ContactReader.Read contact, List<String> tokens) {
        if (contact.contact().isEmpty()) {
            return tokens;
        }
        return normaliser.tokens(contact.rest()).stream().filter(t -> !t.equals(",")).toList();
    }

    /** Which lexicon phrases find a danger in the text: for tests and for reviewing the safety net. */
    List<String> distressEvidence(String text) {
        return safety.evidence(normalTokens(text));
    }

    List<String> normalTokens(String text) {
        return text == null ? List.of() : normaliser.tokens(cut(text));
    }

    private Set<String> lexiconWords(FrenchNormaliser normaliser) {
        Set<String> words = new HashSet<>();
        for (String resource : List.of("/language/intents/training.tsv", "/language/intents/keywords.tsv",
                "/language/intents/ending-guard.tsv", "/language/texting.tsv")) {
            for (String[] row : Resources.tabSeparated(resource, 2)) {
                for (String column : row) {
                    words.addAll(normaliser.tokens(column));
                }
            }
        }
        List<Phrase> phrases = new ArrayList<>(themes.phrases());
        phrases.addAll(faq.phrases());
        phrases.addAll(changeOfMind);
        phrases.addAll(safety.phrases());
        phrases.forEach(p -> words.addAll(p.words()));
        words.removeIf(w -> w.isEmpty() || !Character.isLetter(w.charAt(0)));
        return words;
    }

    private static String cut(String text) {
        return text != null && text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }
}
