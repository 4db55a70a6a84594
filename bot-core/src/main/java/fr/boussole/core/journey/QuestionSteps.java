package fr.boussole.core.journey;

import fr.boussole.core.language.Intent;
import fr.boussole.core.questionnaire.Step;

import java.util.List;
import java.util.Optional;

/** The theme's questionnaire: one answer at a time, with conditions, re-asks and the easier way out. */
final class QuestionSteps extends TurnSteps {

    QuestionSteps(TurnContext turn) {
        super(turn);
    }

    void question() {
        Step step = prompts.currentStep(session).orElseThrow();
        StepAnswer answer = dontKnow() ? reader.noPreference(step).orElse(null)
                : reader.read(step, inbound, session.candidates());
        if (answer == null) {
            session.candidates(List.of());
            next(step, texts.text("easier.skip")); // "je sais pas" on a question without such a value
            return;
        }
        switch (answer) {
            case StepAnswer.Given given -> {
                session.answer(step.id(), given.values(), given.labels());
                session.candidates(List.of());
                next(step, null);
            }
            case StepAnswer.Ambiguous ambiguous -> {
                session.candidates(ambiguous.communeInsees());
                session.reasks(0);
                turn.say(turn.prompt());
            }
            case StepAnswer.Invalid invalid -> {
                if (session.reasks() < TurnContext.MAX_REASKS) {
                    session.reasks(session.reasks() + 1);
                    turn.say(TurnContext.prefixed(texts.text(invalid.reasonKey()), turn.prompt()));
                } else {
                    // The easier way out: skip the question rather than block the young person on it.
                    session.candidates(List.of());
                    next(step, texts.text("easier.skip"));
                }
            }
        }
    }

    /** "Je sais pas" typed (not tapped): an honest answer, not a failure to re-ask. */
    private boolean dontKnow() {
        return inbound.choiceId() == null && !inbound.text().isBlank()
                && ports.understanding().intentOf(inbound.text()) == Intent.DONT_KNOW;
    }

    private void next(Step answered, String prefix) {
        Optional<Step> next = turn.questionnaire().flatMap(q -> q.after(answered.id(), session.answers()));
        if (next.isPresent()) {
            turn.enter(Phase.QUESTION, next.get().id(), prefix);
        } else {
            turn.showOffers(true, prefix);
        }
    }
}
