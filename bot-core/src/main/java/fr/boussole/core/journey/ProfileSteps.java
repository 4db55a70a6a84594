package fr.boussole.core.journey;

import fr.boussole.core.journey.JourneyState.Place;
import fr.boussole.core.journey.JourneyState.Position;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.offer.InfoJeunesContact;
import fr.boussole.core.offer.TerritoryView;
import fr.boussole.core.place.Commune;
import fr.boussole.core.questionnaire.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Who and where: the age, the commune (or the Info Jeunes answer outside any Boussole), then the theme. */
final class ProfileSteps {

    private static final int MIN_AGE = 15;
    private static final int MAX_AGE = 30;

    private final TurnContext turn;
    private final Texts texts;
    private final JourneyPorts ports;

    ProfileSteps(TurnContext turn) {
        this.turn = turn;
        this.texts = turn.texts;
        this.ports = turn.ports;
    }

    void age() {
        OptionalInt age = ports.understanding().numberIn(turn.inbound.text());
        if (age.isEmpty() || age.getAsInt() < 1 || age.getAsInt() > 120) {
            turn.reask("reask.age", "easier.age");
        } else if (age.getAsInt() < MIN_AGE || age.getAsInt() > MAX_AGE) {
            // Nothing is kept of someone the service is not for; only the question stays open,
            // so that a mistyped age ("31" for "21") can be corrected at once.
            turn.state(JourneyState.FRESH.at(Position.of(Phase.AGE)));
            turn.say(OutboundMessage.of(texts.text(age.getAsInt() < MIN_AGE ? "age.too-young" : "age.too-old")));
        } else {
            turn.update(st -> st.withProfile(st.profile().withAge(age.getAsInt())));
            turn.enter(Phase.COMMUNE, null, null);
        }
    }

    void commune() {
        List<Commune> found = turn.inbound.text().isBlank() ? List.of() : ports.communes().resolve(turn.inbound.text());
        if (found.isEmpty()) {
            turn.reask("reask.commune", "easier.commune");
        } else if (found.size() == 1) {
            communeChosen(found.getFirst());
        } else {
            turn.update(st -> st.withCandidates(CommuneChoices.firstInsees(found))
                    .at(new Position(Phase.COMMUNE_CHOICE, st.at().step())));
            turn.say(turn.prompt());
        }
    }

    void communeChoice() {
        List<Choice> choices = CommuneChoices.of(turn.state().candidates(), ports.communes());
        Optional<Choice> chosen = turn.reader.chosen(turn.inbound, choices);
        if (chosen.isPresent()) {
            communeChosen(ports.communes().byInsee(chosen.get().id()).orElseThrow());
        } else if (turn.inbound.choiceId() == null && !turn.inbound.text().isBlank()
                && !ports.communes().resolve(turn.inbound.text()).isEmpty()) {
            commune(); // typed another commune instead of choosing
        } else {
            turn.reask("reask.choice", "easier.choice");
        }
    }

    private void communeChosen(Commune commune) {
        turn.update(st -> st.withCandidates(List.of()));
        Optional<TerritoryView> territory = ports.territories().openTerritoryFor(commune.insee());
        if (territory.isEmpty() || territory.get().activeThemes().isEmpty()) {
            turn.update(st -> st.at(new Position(Phase.COMMUNE, st.at().step())));
            turn.say(OutboundMessage.of(outsideTerritory(commune)));
            turn.say(OutboundMessage.of(texts.text("commune.ask-other")));
            return;
        }
        String territoryId = territory.get().id();
        turn.update(st -> st.withProfile(st.profile().withCommune(new Place(commune.insee(), commune.name()), territoryId)));
        turn.enter(Phase.THEME, null, null);
    }

    private String outsideTerritory(Commune commune) {
        StringBuilder text = new StringBuilder(texts.text("territory.none", Map.of("commune", commune.name())));
        for (InfoJeunesContact contact : ports.territories().infoJeunesFor(commune)) {
            List<String> parts = new ArrayList<>();
            parts.add(contact.name());
            for (String part : new String[] {contact.phone(), contact.email(), contact.website()}) {
                if (part != null && !part.isBlank()) {
                    parts.add(part);
                }
            }
            text.append('\n').append("- ").append(String.join(" · ", parts));
        }
        return text.toString();
    }

    void theme() {
        List<Choice> themes = turn.prompts.themeChoices(turn.state());
        Optional<Choice> chosen = turn.reader.chosen(turn.inbound, themes).or(() -> themeByWords(themes));
        if (chosen.isEmpty()) {
            turn.reask("reask.choice", "easier.choice");
            return;
        }
        turn.chooseTheme(chosen.get().id());
        Optional<Step> first = turn.questionnaire().flatMap(q -> q.first(turn.state().search().values()));
        if (first.isPresent()) {
            turn.enter(Phase.QUESTION, first.get().id(), texts.text("questions.intro"));
        } else {
            turn.showOffers(true, null);
        }
    }

    /**
     * A theme named in the young person's words ("du boulot", "un appart"): the texts list, per theme
     * id, words that point to it. Only one theme may match, else it is asked again.
     */
    private Optional<Choice> themeByWords(List<Choice> themes) {
        List<String> typed = List.of(ports.understanding().normalise(turn.inbound.text()).split(" "));
        List<Choice> named = themes.stream().filter(theme -> texts.has("theme.words." + theme.id()))
                .filter(theme -> java.util.Arrays.stream(texts.text("theme.words." + theme.id()).split(","))
                        .map(word -> ports.understanding().normalise(word))
                        .anyMatch(word -> !word.isEmpty() && typed.contains(word)))
                .toList();
        return named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty();
    }
}
