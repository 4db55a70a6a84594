package fr.boussole.core.journey;

import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.language.Intent;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.OutboundMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The words that work at any step (aide, retour, recommencer, stop, effacer), opting back in, expiry and resuming. */
final class GlobalWords extends TurnSteps {

    private static final Set<Intent> GLOBAL = Set.of(Intent.HELP, Intent.BACK, Intent.RESTART, Intent.STOP, Intent.ERASE);

    GlobalWords(TurnContext turn) {
        super(turn);
    }

    /** Buttons carry their meaning in their id; words go through the intent model. */
    Optional<Intent> globalIntent() {
        if (inbound.choiceId() != null) {
            return inbound.choiceId().equals(Prompts.RESTART) ? Optional.of(Intent.RESTART) : Optional.empty();
        }
        if (inbound.text().isBlank()) {
            return Optional.empty();
        }
        if (session.phase() != Phase.NEW && !session.optedOut() && reader.isExactly(inbound, turn.currentChoices())) {
            return reader.isExactly(inbound, List.of(new Choice(Prompts.RESTART, texts.text("choice.restart"))))
                    ? Optional.of(Intent.RESTART) : Optional.empty();
        }
        Intent intent = ports.understanding().intentOf(inbound.text());
        return GLOBAL.contains(intent) ? Optional.of(intent) : Optional.empty();
    }

    void comeBackAfterOptOut(Optional<Intent> global) {
        if (global.isPresent() && global.get() == Intent.STOP) {
            return; // still opted out: not even an acknowledgement
        }
        session.optedOut(false);
        events.add(new DialogEvent.OptedIn());
        if (global.isPresent() && global.get() == Intent.ERASE) {
            erase();
        } else if (session.phase() == Phase.NEW) {
            welcome();
        } else if (expired()) {
            offerToResume(texts.text("optin.back"));
        } else {
            turn.say(TurnContext.prefixed(texts.text("optin.back"), turn.prompt()));
        }
    }

    void erase() {
        events.add(new DialogEvent.ErasureRequested());
        session.clear();
        turn.say(OutboundMessage.of(texts.text("erase.done")));
    }

    void stop() {
        turn.say(OutboundMessage.of(texts.text("stop.done")));
        events.add(new DialogEvent.OptedOut());
        session.optedOut(true);
    }

    void welcome() {
        turn.say(OutboundMessage.of(texts.text("welcome")));
        turn.enter(Phase.AGE, null, null);
    }

    boolean expired() {
        return session.phase() != Phase.DONE && session.phase() != Phase.RESUME
                && session.lastSeen().map(seen -> seen.plus(ports.settings().idleExpiry()).isBefore(now)).orElse(false);
    }

    void offerToResume(String prefix) {
        session.resumeAt(turn.position());
        session.phase(Phase.RESUME);
        session.reasks(0);
        turn.say(TurnContext.prefixed(prefix, turn.prompt()));
    }

    void back() {
        List<String> trail = new ArrayList<>(session.trail());
        if (trail.size() < 2) {
            turn.say(TurnContext.prefixed(texts.text("back.none"), turn.prompt()));
            return;
        }
        trail.removeLast();
        session.trail(trail);
        turn.goTo(trail.getLast());
        session.candidates(List.of());
        if (turn.staleQuestion()) {
            turn.restart();
            return;
        }
        turn.say(turn.prompt());
    }

    void resume() {
        Optional<Choice> chosen = reader.chosen(inbound, turn.prompt().choices());
        if (chosen.isPresent() && chosen.get().id().equals(Prompts.RESUME)) {
            turn.goTo(session.resumeAt().orElse(Phase.AGE.name()));
            session.resumeAt(null);
            session.reasks(0);
            if (turn.staleQuestion()) {
                turn.restart();
                return;
            }
            turn.say(TurnContext.prefixed(texts.text("resume.back"), turn.prompt()));
        } else if (chosen.isPresent()) {
            turn.restart();
        } else {
            turn.reask("reask.choice", "easier.choice");
        }
    }
}
