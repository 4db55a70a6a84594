package fr.boussole.core.journey;

import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.promise.ContactCheckPrompt;
import fr.boussole.core.promise.ContactChecks;
import fr.boussole.core.journey.JourneyState.PendingCheck;
import fr.boussole.core.language.Intent;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Were you contacted?": asked on a system message whatever the journey's phase, answered by the
 * young person's next message, after which the journey goes on where it was. The question sits
 * above the phase rather than being one, so that the journey's own state is left untouched.
 */
final class ContactCheckSteps {

    static final String YES = "oui";
    static final String NO = "non";
    static final String NOT_YET = "pas-encore";

    private final TurnContext turn;

    ContactCheckSteps(TurnContext turn) {
        this.turn = turn;
    }

    /** The system message: ask, unless the young person opted out (then not a word). */
    void ask(ContactCheckPrompt prompt) {
        if (turn.state().optedOut()) {
            return;
        }
        turn.update(s -> s.withCheck(new PendingCheck(prompt, 0)));
        turn.say(question(prompt));
    }

    boolean pending() {
        return turn.state().check() != null;
    }

    /**
     * The young person's message while the question waits. An answer is recorded and the journey
     * resumes; anything else is asked again once, then the question is dropped and the message
     * goes to the journey, so that nobody is stuck on a question they do not want to answer.
     *
     * @return whether the message was taken by the question
     */
    boolean answer(GlobalWords words) {
        ContactCheckPrompt prompt = current();
        Optional<ContactChecks.Answer> answer = read();
        if (answer.isEmpty()) {
            if (turn.state().check().reasks() == 0) {
                turn.update(s -> s.withCheck(new PendingCheck(prompt, 1)));
                turn.say(TurnContext.prefixed(turn.texts.text("reask.choice"), question(prompt)));
                return true;
            }
            drop();
            return false;
        }
        drop();
        turn.events.add(new DialogEvent.ContactCheckAnswered(prompt.requestId(), answer.get()));
        String thanks = turn.texts.text(switch (answer.get()) {
            case YES -> "check.thanks-yes";
            case NO -> "check.thanks-no";
            case NOT_YET -> "check.thanks-not-yet";
        });
        if (turn.state().phase() == Phase.NEW) {
            turn.say(OutboundMessage.of(thanks)); // nothing to go back to: the next message starts afresh
        } else if (words.expired()) {
            words.offerToResume(thanks);
        } else {
            turn.say(TurnContext.prefixed(thanks, turn.prompt()));
        }
        return true;
    }

    /** The question again after something said first (a help line). */
    void askAgain(String prefix) {
        turn.say(TurnContext.prefixed(prefix, question(current())));
    }

    /** "aide" while the question waits: what it is about, then the question again. */
    void help() {
        turn.say(TurnContext.prefixed(turn.texts.text("check.help"), question(current())));
    }

    /** A global word other than help: the question is dropped and the word does what it always does. */
    void drop() {
        turn.update(s -> s.withCheck(null));
    }

    private ContactCheckPrompt current() {
        return turn.state().check().prompt();
    }

    private OutboundMessage question(ContactCheckPrompt prompt) {
        String text = prompt.organisationName() != null && prompt.offerTitle() != null
                ? turn.texts.text("check.ask", Map.of("organisation", prompt.organisationName(), "offer", prompt.offerTitle()))
                : turn.texts.text("check.ask-generic");
        return OutboundMessage.withChoices(text, choices());
    }

    private List<Choice> choices() {
        return List.of(new Choice(YES, turn.texts.text("check.yes")), new Choice(NO, turn.texts.text("check.no")),
                new Choice(NOT_YET, turn.texts.text("check.not-yet")));
    }

    /** A tap, "pas encore" in words (before yes/no: "non pas encore" means not yet), yes or no, or a number. */
    private Optional<ContactChecks.Answer> read() {
        Inbound inbound = turn.inbound;
        Optional<Choice> tapped = inbound.choiceId() == null ? Optional.empty()
                : choices().stream().filter(c -> c.id().equals(inbound.choiceId())).findFirst();
        if (tapped.isPresent()) {
            return Optional.of(answerOf(tapped.get()));
        }
        if (inbound.text().isBlank()) {
            return Optional.empty();
        }
        var understanding = turn.ports.understanding();
        String typed = " " + understanding.normalise(inbound.text()) + " ";
        boolean notYet = Arrays.stream(turn.texts.text("check.not-yet-words").split(","))
                .map(words -> understanding.normalise(words.strip()))
                .anyMatch(words -> !words.isEmpty() && typed.contains(" " + words + " "));
        if (notYet) {
            return Optional.of(ContactChecks.Answer.NOT_YET);
        }
        Intent intent = understanding.intentOf(inbound.text());
        if (intent == Intent.YES) {
            return Optional.of(ContactChecks.Answer.YES);
        }
        if (intent == Intent.NO) {
            return Optional.of(ContactChecks.Answer.NO);
        }
        return understanding.choiceIn(inbound.text(), choices()).map(ContactCheckSteps::answerOf);
    }

    private static ContactChecks.Answer answerOf(Choice choice) {
        return switch (choice.id()) {
            case YES -> ContactChecks.Answer.YES;
            case NO -> ContactChecks.Answer.NO;
            default -> ContactChecks.Answer.NOT_YET;
        };
    }
}
