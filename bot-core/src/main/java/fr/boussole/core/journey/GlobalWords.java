package fr.boussole.core.journey;

import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.journey.JourneyState.Position;
import fr.boussole.core.language.Intent;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The words that work at any step (aide, retour, recommencer, stop, effacer), opting back in, expiry and resuming. */
final class GlobalWords {

    private static final Set<Intent> GLOBAL = Set.of(Intent.HELP, Intent.BACK, Intent.RESTART, Intent.STOP, Intent.ERASE);

    private final TurnContext turn;

    GlobalWords(TurnContext turn) {
        this.turn = turn;
    }

    /** Buttons carry their meaning in their id; words go through the intent model. */
    Optional<Intent> globalIntent() {
        Inbound inbound = turn.inbound;
        if (inbound.choiceId() != null) {
            return inbound.choiceId().equals(Prompts.RESTART) ? Optional.of(Intent.RESTART) : Optional.empty();
        }
        if (inbound.text().isBlank()) {
            return Optional.empty();
        }
        JourneyState state = turn.state();
        if (state.phase() != Phase.NEW && !state.optedOut() && turn.reader.isExactly(inbound, turn.currentChoices())) {
            return turn.reader.isExactly(inbound, List.of(new Choice(Prompts.RESTART, turn.texts.text("choice.restart"))))
                    ? Optional.of(Intent.RESTART) : Optional.empty();
        }
        Intent intent = turn.ports.understanding().intentOf(inbound.text());
        return GLOBAL.contains(intent) ? Optional.of(intent) : Optional.empty();
    }

    void comeBackAfterOptOut(Optional<Intent> global) {
        if (global.isPresent() && global.get() == Intent.STOP) {
            return; // still opted out: not even an acknowledgement
        }
        turn.update(s -> s.withOptedOut(false));
        turn.events.add(new DialogEvent.OptedIn());
        if (global.isPresent() && global.get() == Intent.ERASE) {
            erase();
        } else if (turn.state().phase() == Phase.NEW) {
            welcome();
        } else if (expired()) {
            offerToResume(turn.texts.text("optin.back"));
        } else {
            turn.say(TurnContext.prefixed(turn.texts.text("optin.back"), turn.prompt()));
        }
    }

    void erase() {
        turn.events.add(new DialogEvent.ErasureRequested());
        turn.state(JourneyState.FRESH);
        turn.say(OutboundMessage.of(turn.texts.text("erase.done")));
    }

    void stop() {
        turn.say(OutboundMessage.of(turn.texts.text("stop.done")));
        turn.events.add(new DialogEvent.OptedOut());
        turn.update(s -> s.withOptedOut(true));
    }

    void welcome() {
        turn.say(OutboundMessage.of(turn.texts.text("welcome")));
        turn.enter(Phase.AGE, null, null);
    }

    boolean expired() {
        JourneyState state = turn.state();
        return state.phase() != Phase.DONE && state.phase() != Phase.RESUME && state.lastSeen() != null
                && state.lastSeen().plus(turn.ports.settings().idleExpiry()).isBefore(turn.now);
    }

    void offerToResume(String prefix) {
        turn.update(s -> s.withResumeAt(s.at()).at(Position.of(Phase.RESUME)));
        turn.say(TurnContext.prefixed(prefix, turn.prompt()));
    }

    void back() {
        List<Position> trail = new ArrayList<>(turn.state().trail());
        if (trail.size() < 2) {
            turn.say(TurnContext.prefixed(turn.texts.text("back.none"), turn.prompt()));
            return;
        }
        trail.removeLast();
        turn.update(s -> s.withTrail(trail).at(trail.getLast()).withCandidates(List.of()));
        if (turn.staleQuestion()) {
            turn.restart();
            return;
        }
        turn.say(turn.prompt());
    }

    void resume() {
        Optional<Choice> chosen = turn.reader.chosen(turn.inbound, turn.prompt().choices());
        if (chosen.isPresent() && chosen.get().id().equals(Prompts.RESUME)) {
            Position back = turn.state().resumeAt() == null ? Position.of(Phase.AGE) : turn.state().resumeAt();
            turn.update(s -> s.at(back).withResumeAt(null));
            if (turn.staleQuestion()) {
                turn.restart();
                return;
            }
            turn.say(TurnContext.prefixed(turn.texts.text("resume.back"), turn.prompt()));
        } else if (chosen.isPresent()) {
            turn.restart();
        } else {
            turn.reask("reask.choice", "easier.choice");
        }
    }
}
