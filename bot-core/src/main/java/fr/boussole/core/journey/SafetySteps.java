package fr.boussole.core.journey;

import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.language.Distress;
import fr.boussole.core.language.Reading;
import fr.boussole.core.message.OutboundMessage;

import java.util.Locale;

/**
 * The safety net, before everything else and at every step: a message that says the young person is
 * in danger gets the help line of that danger at once, in a message of its own; then the journey may
 * go on where it was, if the young person wants. The request they make afterwards is marked urgent.
 */
final class SafetySteps {

    private final TurnContext turn;

    SafetySteps(TurnContext turn) {
        this.turn = turn;
    }

    boolean inDanger() {
        return turn.reading().inDistress();
    }

    /**
     * The help line first; then the question the journey waits on, asked again gently, unless the same
     * words also answer it ("je dors dehors ce soir" to "Tu vis où en ce moment ?"): then it is taken.
     */
    void answer(ContactCheckSteps check, QuestionSteps questions) {
        Reading reading = turn.reading();
        Distress distress = reading.mostPressing().orElseThrow();
        JourneyState before = turn.state();
        if (before.optedOut()) {
            // They wrote to us: that is opting back in, and a help line is never held back.
            turn.update(s -> s.withOptedOut(false));
            turn.events.add(new DialogEvent.OptedIn());
        }
        turn.update(s -> s.withUrgent(true));
        turn.say(OutboundMessage.of(helpLine(distress)));
        String goOn = turn.texts.text("safety.go-on");
        if (before.phase() == Phase.NEW) {
            turn.say(OutboundMessage.of(turn.texts.text("privacy")));
            turn.enter(Phase.AGE, null, goOn);
        } else if (check.pending()) {
            check.askAgain(goOn);
        } else if (before.phase() == Phase.QUESTION && !before.optedOut() && questions.takesAnAnswer()) {
            questions.question();
        } else {
            turn.say(TurnContext.prefixed(goOn, turn.prompt()));
        }
    }

    /**
     * While a person holds the conversation: the help line at once, in a message of its own, and
     * nothing of the journey (the person answers the rest). The request made afterwards is urgent.
     */
    void helpLineOnly() {
        Distress distress = turn.reading().mostPressing().orElseThrow();
        turn.update(s -> s.withUrgent(true));
        turn.say(OutboundMessage.of(helpLine(distress)));
    }

    /** An answer marked urgent in the questionnaire: the theme's help line at once, the request urgent. */
    void urgentAnswer() {
        String theme = turn.state().search().theme();
        String key = theme != null && turn.texts.has("safety.urgent." + theme) ? "safety.urgent." + theme : "safety.urgent";
        turn.update(s -> s.withUrgent(true));
        turn.say(OutboundMessage.of(turn.texts.text(key)));
    }

    private String helpLine(Distress distress) {
        String kind = distress.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return turn.texts.text("safety." + kind + (distress.now() ? "-now" : ""));
    }
}
