package fr.boussole.core.journey;

import fr.boussole.core.journey.JourneyState.Position;
import fr.boussole.core.language.PlaceMention;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.place.Commune;

import java.util.List;
import java.util.Optional;

/**
 * Choosing among communes of one name or postal code: "Gourdon (Lot) ?" first when only one of them
 * has a Boussole, else the list with each one's département. Typing the same name again counts as a
 * failed try, so the question gives way to the postal code, then to a person to call: never a loop.
 */
final class CommuneSteps {

    private final TurnContext turn;
    private final ProfileSteps profile;

    CommuneSteps(TurnContext turn, ProfileSteps profile) {
        this.turn = turn;
        this.profile = profile;
    }

    void choice() {
        JourneyState state = turn.state();
        boolean home = Prompts.HOME_STEP.equals(state.at().step());
        List<Choice> choices = turn.prompt().choices();
        Optional<Choice> chosen = turn.reader.chosen(turn.inbound, choices);
        if (home && chosen.isEmpty()) {
            chosen = turn.reader.yesOrNo(turn.inbound).map(yes -> yes ? choices.getFirst() : choices.getLast());
        }
        if (chosen.isPresent() && chosen.get().id().equals(Prompts.OTHER_COMMUNE)) {
            List<String> others = state.candidates().subList(1, state.candidates().size());
            turn.update(s -> s.withCandidates(others).at(Position.of(Phase.COMMUNE_CHOICE)));
            turn.say(turn.prompt());
            return;
        }
        if (chosen.isPresent()) {
            Commune commune = turn.ports.communes().byInsee(chosen.get().id()).orElseThrow();
            if (profile.communeChosen(commune)) {
                profile.next(null);
            }
            return;
        }
        List<Commune> typed = turn.reading().place().map(PlaceMention::communes).orElse(List.of());
        if (typed.size() == 1) {
            if (profile.communeChosen(typed.getFirst())) {
                profile.next(null);
            }
        } else if (typed.size() > 1) {
            profile.offerChoice(typed);
        } else if (turn.state().reasks() >= TurnContext.MAX_REASKS) {
            // The easier way: the postal code tells communes of one name apart. The count goes on.
            int reasks = turn.state().reasks() + 1;
            turn.update(s -> s.at(Position.of(Phase.COMMUNE)).withReasks(reasks));
            if (reasks > TurnContext.STUCK_AFTER) {
                turn.say(OutboundMessage.of(turn.texts.text("stuck") + "\n" + turn.person.lineWhenStuck()));
            }
            turn.say(TurnContext.prefixed(turn.texts.text("easier.commune"), turn.prompt()));
        } else {
            turn.reask("reask.choice", "easier.choice");
        }
    }
}
