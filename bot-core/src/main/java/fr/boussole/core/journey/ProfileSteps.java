package fr.boussole.core.journey;

import fr.boussole.core.journey.JourneyState.Place;
import fr.boussole.core.journey.JourneyState.Position;
import fr.boussole.core.language.AgeMention;
import fr.boussole.core.language.PlaceMention;
import fr.boussole.core.language.Reading;
import fr.boussole.core.language.ThemeMention;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.offer.InfoJeunesContact;
import fr.boussole.core.offer.TerritoryView;
import fr.boussole.core.place.Commune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who and where, and what about: the age, the commune (or the Info Jeunes answer outside any
 * Boussole) and the theme, taken from the answers to their questions or from anything a message says
 * ("bonjour j'ai 19 ans j'habite à Cahors et je cherche un boulot"). What one message gives without
 * being asked is checked in one line ("19 ans, Cahors, un emploi : c'est bien ça ?"); what is known
 * is never asked again.
 */
final class ProfileSteps {

    static final int MIN_AGE = 15;
    static final int MAX_AGE = 30;

    /** The facts a message may give, to say which were asked at a step. */
    enum Fact { AGE, COMMUNE, THEME }

    /**
     * What one message gave.
     *
     * @param taken   facts now known from this message
     * @param settled whether the turn already answered (a refusal, a commune outside every Boussole, a choice of communes)
     */
    private record Taken(Set<Fact> taken, boolean settled) {
        static final Taken NOTHING = new Taken(Set.of(), false);
    }

    private final TurnContext turn;
    private final QuestionSteps questions;

    ProfileSteps(TurnContext turn, QuestionSteps questions) {
        this.turn = turn;
        this.questions = questions;
    }

    /** The first message: who we are and what we keep, then whatever it said, then the next question. */
    void firstMessage(SideQuestions sides) {
        turn.say(OutboundMessage.of(turn.texts.text("welcome")));
        turn.say(OutboundMessage.of(turn.texts.text("privacy")));
        String lead = sides.leadIn();
        turn.update(s -> s.at(Position.of(Phase.AGE)));
        after(take(Set.of()), Set.of(), lead);
    }

    /** The age and commune question: either, or both, or more. */
    void age() {
        Set<Fact> asked = turn.state().profile().commune() == null ? Set.of(Fact.AGE, Fact.COMMUNE) : Set.of(Fact.AGE);
        Taken taken = take(asked);
        if (taken.taken().isEmpty() && !taken.settled()) {
            turn.reask("reask.age", "easier.age");
            return;
        }
        after(taken, asked, null);
    }

    void commune() {
        Taken taken = take(Set.of(Fact.COMMUNE));
        if (!taken.taken().contains(Fact.COMMUNE) && !taken.settled()) {
            turn.reask("reask.commune", "easier.commune");
            return;
        }
        after(taken, Set.of(Fact.COMMUNE), null);
    }

    /** "19 ans, Cahors, un emploi : c'est bien ça ?" */
    void facts() {
        Optional<Boolean> yes = turn.reader.yesOrNo(turn.inbound);
        if (yes.isPresent() && yes.get()) {
            next(null);
        } else if (yes.isPresent()) {
            turn.state(JourneyState.FRESH.withLastSeen(turn.state().lastSeen()).withUrgent(turn.state().urgent()));
            turn.enter(Phase.AGE, null, turn.texts.text("facts.no"));
        } else {
            Taken taken = take(Set.of());
            if (taken.taken().isEmpty() && !taken.settled()) {
                turn.reask("reask.yes-no", "easier.choice");
            } else if (!taken.settled()) {
                turn.enter(Phase.FACTS, null, null); // a correction: check the facts again
            }
        }
    }

    void theme() {
        List<Choice> themes = turn.prompts.themeChoices(turn.state());
        Optional<ThemeMention> named = turn.reading().theme();
        Optional<Choice> chosen = turn.reader.chosen(turn.inbound, themes)
                .or(() -> named.flatMap(m -> themes.stream().filter(t -> t.id().equals(m.theme())).findFirst()))
                .or(() -> themeByWords(themes));
        if (chosen.isEmpty()) {
            turn.reask("reask.choice", "easier.choice");
            return;
        }
        Optional<String> subTheme = named.filter(m -> m.theme().equals(chosen.get().id())).flatMap(ThemeMention::subTheme);
        questions.startTheme(chosen.get().id(), subTheme, null);
    }

    /** "Tu veux plutôt parler de formation ?" */
    void switchTheme() {
        Optional<Boolean> yes = turn.reader.yesOrNo(turn.inbound);
        if (yes.isEmpty()) {
            turn.reask("reask.yes-no", "easier.choice");
            return;
        }
        Position back = turn.state().resumeAt();
        String theme = turn.state().at().step();
        turn.update(s -> s.withResumeAt(null));
        if (yes.get()) {
            Optional<String> subTheme = turn.reading().themes().stream().filter(m -> m.theme().equals(theme))
                    .findFirst().flatMap(ThemeMention::subTheme);
            questions.startTheme(theme, subTheme, null);
        } else if (back == null) {
            next(turn.texts.text("theme.switch-no"));
        } else {
            turn.update(s -> s.at(back));
            turn.say(TurnContext.prefixed(turn.texts.text("theme.switch-no"), turn.prompt()));
        }
    }

    /**
     * A message that is not an answer to the step, read for a correction: another age, another commune
     * of the same Boussole (noted, then the question again), or another theme (checked first).
     *
     * @return whether the message was taken as one
     */
    boolean correction() {
        Reading reading = turn.reading();
        String current = turn.state().search().theme();
        Optional<ThemeMention> theme = reading.theme().filter(m -> !m.theme().equals(current))
                .filter(m -> turn.prompts.themeChoices(turn.state()).stream().anyMatch(c -> c.id().equals(m.theme())));
        if (theme.isPresent()) {
            proposeSwitch(theme.get().theme());
            return true;
        }
        List<String> noted = new ArrayList<>();
        Optional<Integer> age = reading.age().map(a -> a.yearsIn(turn.currentYear()));
        if (age.isPresent() && age.get() >= MIN_AGE && age.get() <= MAX_AGE && age.get() != turn.state().profile().age()) {
            turn.update(s -> s.withProfile(s.profile().withAge(age.get())));
            noted.add(turn.texts.text("facts.age", Map.of("age", Integer.toString(age.get()))));
        }
        Optional<Commune> commune = reading.place().filter(p -> p.communes().size() == 1).map(p -> p.communes().getFirst())
                .filter(c -> !c.insee().equals(turn.state().profile().communeInsee()));
        Optional<TerritoryView> territory = commune.flatMap(c -> turn.ports.territories().openTerritoryFor(c.insee()))
                .filter(t -> t.id().equals(turn.state().profile().territoryId()));
        if (territory.isPresent()) {
            turn.update(s -> s.withProfile(s.profile().withCommune(new Place(commune.get().insee(), commune.get().name()),
                    territory.get().id())));
            noted.add(commune.get().name());
        }
        if (noted.isEmpty()) {
            return false;
        }
        turn.say(TurnContext.prefixed(turn.texts.text("facts.noted", Map.of("facts", String.join(", ", noted))),
                turn.prompt()));
        return true;
    }

    void proposeSwitch(String theme) {
        JourneyState state = turn.state();
        Position back = state.phase() == Phase.SWITCH_THEME ? state.resumeAt() : state.at();
        turn.update(s -> s.withResumeAt(back).at(new Position(Phase.SWITCH_THEME, theme)));
        turn.say(turn.prompt());
    }

    /**
     * After taking what a message gave: facts nobody asked for, along with others, are checked in one
     * line. When each was read for sure (an age in figures or words, a commune's exact name or postal
     * code, one theme), the line says them and the journey goes on at once ("19 ans, Cahors, un emploi :
     * c'est noté."), any of them corrected later in words; when one was a guess (a mistyped commune),
     * the line asks "c'est bien ça ?" first.
     */
    private void after(Taken taken, Set<Fact> asked, String lead) {
        if (taken.settled()) {
            return;
        }
        boolean unasked = taken.taken().stream().anyMatch(f -> !asked.contains(f));
        if (unasked && taken.taken().size() >= 2) {
            boolean guessed = turn.reading().place().map(p -> p.kind() == PlaceMention.Kind.CLOSE_NAME).orElse(false);
            if (guessed) {
                turn.enter(Phase.FACTS, null, lead);
            } else {
                next(join(lead, turn.texts.text("facts.noted", Map.of("facts", turn.prompts.facts(turn.state())))));
            }
        } else {
            next(lead);
        }
    }

    /** On to the first thing still missing: age, commune, theme, then the questions that matter. */
    void next(String lead) {
        JourneyState state = turn.state();
        if (state.profile().age() == 0) {
            turn.enter(Phase.AGE, null, lead);
        } else if (state.profile().commune() == null) {
            turn.enter(Phase.COMMUNE, null, lead);
        } else if (state.search().theme() == null) {
            turn.enter(Phase.THEME, null, lead);
        } else if (turn.prompts.themeChoices(state).stream().noneMatch(c -> c.id().equals(state.search().theme()))) {
            turn.update(s -> s.withSearch(JourneyState.Search.NONE));
            turn.enter(Phase.THEME, null, join(lead, turn.texts.text("theme.closed")));
        } else {
            questions.next(null, lead);
        }
    }

    /** Takes the age, the commune and the theme a message gives, and says what must be said at once. */
    private Taken take(Set<Fact> asked) {
        Reading reading = turn.reading();
        Set<Fact> taken = new java.util.HashSet<>();
        Optional<AgeMention> mention = reading.age();
        if (mention.isPresent()) {
            int age = mention.get().yearsIn(turn.currentYear());
            if (age < 1 || age > 120) {
                return Taken.NOTHING;
            }
            if (age < MIN_AGE || age > MAX_AGE) {
                refuse(age);
                return new Taken(Set.of(), true);
            }
            turn.update(s -> s.withProfile(s.profile().withAge(age)));
            taken.add(Fact.AGE);
        }
        Optional<ThemeMention> theme = reading.theme();
        if (theme.isPresent()) {
            turn.chooseTheme(theme.get().theme());
            questions.subTheme(theme.get().subTheme());
            taken.add(Fact.THEME);
        }
        List<Commune> communes = reading.place().map(PlaceMention::communes).orElse(List.of());
        if (communes.size() == 1) {
            if (!communeChosen(communes.getFirst())) {
                return new Taken(Set.copyOf(taken), true);
            }
            taken.add(Fact.COMMUNE);
        } else if (communes.size() > 1) {
            offerChoice(communes);
            return new Taken(Set.copyOf(taken), true);
        }
        return new Taken(Set.copyOf(taken), false);
    }

    /**
     * Several communes fit: the territory's own as a yes or no when it is the only one, else a list.
     * The same communes offered again (the same name typed again) count as one more failed try: past
     * two, the postal code is asked instead (it tells them apart), and a person to call is given later.
     */
    void offerChoice(List<Commune> communes) {
        List<String> ordered = CommuneChoices.ordered(communes, turn.ports.territories());
        boolean home = CommuneChoices.homeFirst(ordered, turn.ports.communes(), turn.ports.territories());
        boolean again = sameChoiceAgain(ordered);
        int reasks = again ? turn.state().reasks() + 1 : 0;
        if (again && reasks > TurnContext.STUCK_AFTER) {
            turn.say(OutboundMessage.of(turn.texts.text("stuck") + "\n" + turn.person.lineWhenStuck()));
        }
        if (again && reasks > TurnContext.MAX_REASKS) {
            turn.update(s -> s.withCandidates(ordered).at(Position.of(Phase.COMMUNE)).withReasks(reasks));
            turn.say(TurnContext.prefixed(turn.texts.text("easier.commune"), turn.prompt()));
            return;
        }
        turn.update(s -> s.withCandidates(ordered).at(new Position(Phase.COMMUNE_CHOICE, home ? Prompts.HOME_STEP : null))
                .withReasks(reasks));
        turn.say(turn.prompt());
    }

    /** The same communes as the last ones offered, at the commune steps. */
    boolean sameChoiceAgain(List<String> ordered) {
        Phase phase = turn.state().phase();
        return (phase == Phase.COMMUNE_CHOICE || phase == Phase.COMMUNE)
                && Set.copyOf(turn.state().candidates()).equals(Set.copyOf(ordered));
    }

    /**
     * The commune chosen: inside a Boussole it is kept with its territory; outside, the Info Jeunes
     * contacts are given and another commune asked, and nothing is kept.
     *
     * @return whether it was kept
     */
    boolean communeChosen(Commune commune) {
        turn.update(s -> s.withCandidates(List.of()));
        Optional<TerritoryView> territory = turn.ports.territories().openTerritoryFor(commune.insee());
        if (territory.isEmpty() || territory.get().activeThemes().isEmpty()) {
            turn.update(s -> s.at(Position.of(Phase.COMMUNE)));
            turn.say(OutboundMessage.of(outsideTerritory(commune)));
            turn.say(OutboundMessage.of(turn.texts.text("commune.ask-other")));
            return false;
        }
        String territoryId = territory.get().id();
        turn.update(s -> s.withProfile(s.profile().withCommune(new Place(commune.insee(), commune.name()), territoryId)));
        return true;
    }

    private void refuse(int age) {
        // Nothing is kept of someone the service is not for; only the question stays open,
        // so that a mistyped age ("31" for "21") can be corrected at once.
        turn.state(JourneyState.FRESH.at(Position.of(Phase.AGE)));
        turn.say(OutboundMessage.of(turn.texts.text(age < MIN_AGE ? "age.too-young" : "age.too-old")));
    }

    private String outsideTerritory(Commune commune) {
        StringBuilder text = new StringBuilder(turn.texts.text("territory.none", Map.of("commune", commune.name())));
        for (InfoJeunesContact contact : turn.ports.territories().infoJeunesFor(commune)) {
            List<String> parts = new ArrayList<>();
            parts.add(contact.name());
            for (String part : new String[] {contact.phone(), contact.email(), contact.website()}) {
                if (part != null && !part.isBlank()) {
                    parts.add(part);
                }
            }
            text.append('\n').append("- ").append(String.join(", ", parts));
        }
        return text.toString();
    }

    /**
     * A theme named in the young person's words ("du boulot", "un appart"): the texts list, per theme
     * id, words that point to it. Only one theme may match, else it is asked again.
     */
    private Optional<Choice> themeByWords(List<Choice> themes) {
        if (!turn.typed()) {
            return Optional.empty();
        }
        var understanding = turn.ports.understanding();
        List<String> typed = List.of(understanding.normalise(turn.inbound.text()).split(" "));
        List<Choice> named = themes.stream().filter(theme -> turn.texts.has("theme.words." + theme.id()))
                .filter(theme -> java.util.Arrays.stream(turn.texts.text("theme.words." + theme.id()).split(","))
                        .map(understanding::normalise)
                        .anyMatch(word -> !word.isEmpty() && typed.contains(word)))
                .toList();
        return named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty();
    }

    static String join(String first, String second) {
        return first == null || first.isBlank() ? second : second == null ? first : first + "\n\n" + second;
    }
}
