package fr.boussole.core.journey;

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
final class ProfileSteps extends TurnSteps {

    private static final int MIN_AGE = 15;
    private static final int MAX_AGE = 30;

    ProfileSteps(TurnContext turn) {
        super(turn);
    }

    void age() {
        OptionalInt age = ports.understanding().numberIn(inbound.text());
        if (age.isEmpty() || age.getAsInt() < 1 || age.getAsInt() > 120) {
            turn.reask("reask.age", "easier.age");
        } else if (age.getAsInt() < MIN_AGE || age.getAsInt() > MAX_AGE) {
            // Nothing is kept of someone the service is not for; only the question stays open,
            // so that a mistyped age ("31" for "21") can be corrected at once.
            session.clear();
            session.phase(Phase.AGE);
            turn.say(OutboundMessage.of(texts.text(age.getAsInt() < MIN_AGE ? "age.too-young" : "age.too-old")));
        } else {
            session.age(age.getAsInt());
            turn.enter(Phase.COMMUNE, null, null);
        }
    }

    void commune() {
        List<Commune> found = inbound.text().isBlank() ? List.of() : ports.communes().resolve(inbound.text());
        if (found.isEmpty()) {
            turn.reask("reask.commune", "easier.commune");
        } else if (found.size() == 1) {
            communeChosen(found.getFirst());
        } else {
            session.candidates(CommuneChoices.firstInsees(found));
            session.phase(Phase.COMMUNE_CHOICE);
            session.reasks(0);
            turn.say(turn.prompt());
        }
    }

    void communeChoice() {
        List<Choice> choices = CommuneChoices.of(session.candidates(), ports.communes());
        Optional<Choice> chosen = reader.chosen(inbound, choices);
        if (chosen.isPresent()) {
            communeChosen(ports.communes().byInsee(chosen.get().id()).orElseThrow());
        } else if (inbound.choiceId() == null && !inbound.text().isBlank()
                && !ports.communes().resolve(inbound.text()).isEmpty()) {
            commune(); // typed another commune instead of choosing
        } else {
            turn.reask("reask.choice", "easier.choice");
        }
    }

    private void communeChosen(Commune commune) {
        session.candidates(List.of());
        Optional<TerritoryView> territory = ports.territories().openTerritoryFor(commune.insee());
        if (territory.isEmpty() || territory.get().activeThemes().isEmpty()) {
            session.phase(Phase.COMMUNE);
            session.reasks(0);
            turn.say(OutboundMessage.of(outsideTerritory(commune)));
            turn.say(OutboundMessage.of(texts.text("commune.ask-other")));
            return;
        }
        session.commune(commune.insee(), commune.name());
        session.territoryId(territory.get().id());
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
        List<Choice> themes = prompts.themeChoices(session);
        Optional<Choice> chosen = reader.chosen(inbound, themes).or(() -> themeByWords(themes));
        if (chosen.isEmpty()) {
            turn.reask("reask.choice", "easier.choice");
            return;
        }
        session.theme(chosen.get().id());
        session.clearAnswers();
        Optional<Step> first = turn.questionnaire().flatMap(q -> q.first(session.answers()));
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
        List<String> typed = List.of(ports.understanding().normalise(inbound.text()).split(" "));
        List<Choice> named = themes.stream().filter(theme -> texts.has("theme.words." + theme.id()))
                .filter(theme -> java.util.Arrays.stream(texts.text("theme.words." + theme.id()).split(","))
                        .map(word -> ports.understanding().normalise(word))
                        .anyMatch(word -> !word.isEmpty() && typed.contains(word)))
                .toList();
        return named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty();
    }
}
