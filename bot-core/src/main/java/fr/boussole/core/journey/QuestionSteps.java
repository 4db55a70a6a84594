package fr.boussole.core.journey;

import fr.boussole.core.journey.JourneyState.Given;
import fr.boussole.core.language.Intent;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.conversation.DialogEvent.QuestionnaireProgress.Stage;
import fr.boussole.core.questionnaire.Step;

import java.util.List;
import java.util.Optional;

/** The theme's questionnaire: one answer at a time, with conditions, re-asks and the easier way out. */
final class QuestionSteps {

    private final TurnContext turn;

    QuestionSteps(TurnContext turn) {
        this.turn = turn;
    }

    void question() {
        Step step = turn.prompts.currentStep(turn.state()).orElseThrow();
        StepAnswer answer = dontKnow() ? turn.reader.noPreference(step).orElse(null)
                : turn.reader.read(step, turn.inbound, turn.state().candidates());
        if (answer == null) {
            turn.update(s -> s.withCandidates(List.of()));
            next(step, turn.texts.text("easier.skip")); // "je sais pas" on a question without such a value
            return;
        }
        switch (answer) {
            case StepAnswer.Given given -> {
                if (!turn.state().search().answers().containsKey(step.id())) {
                    turn.progress(Stage.ANSWERED, step.id()); // an answer changed after "retour" is not counted twice
                }
                turn.update(s -> s.withSearch(s.search().withAnswer(step.id(), new Given(given.values(), given.labels())))
                        .withCandidates(List.of()));
                next(step, null);
            }
            case StepAnswer.Ambiguous ambiguous -> {
                turn.update(s -> s.withCandidates(ambiguous.communeInsees()).withReasks(0));
                turn.say(turn.prompt());
            }
            case StepAnswer.Invalid invalid -> {
                if (turn.state().reasks() < TurnContext.MAX_REASKS) {
                    turn.update(s -> s.withReasks(s.reasks() + 1));
                    turn.say(TurnContext.prefixed(turn.texts.text(invalid.reasonKey()), turn.prompt()));
                } else {
                    // The easier way out: skip the question rather than block the young person on it.
                    turn.update(s -> s.withCandidates(List.of()));
                    next(step, turn.texts.text("easier.skip"));
                }
            }
        }
    }

    /** "Je sais pas" typed (not tapped): an honest answer, not a failure to re-ask. */
    private boolean dontKnow() {
        Inbound inbound = turn.inbound;
        return inbound.choiceId() == null && !inbound.text().isBlank()
                && turn.ports.understanding().intentOf(inbound.text()) == Intent.DONT_KNOW;
    }

    private void next(Step answered, String prefix) {
        Optional<Step> next = turn.questionnaire().flatMap(q -> q.after(answered.id(), turn.state().search().values()));
        if (next.isPresent()) {
            turn.enter(Phase.QUESTION, next.get().id(), prefix);
        } else {
            turn.showOffers(true, prefix);
        }
    }
}
