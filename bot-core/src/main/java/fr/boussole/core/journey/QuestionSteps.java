package fr.boussole.core.journey;

import fr.boussole.core.journey.JourneyState.Given;
import fr.boussole.core.language.Intent;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.conversation.DialogEvent.QuestionnaireProgress.Stage;
import fr.boussole.core.questionnaire.Option;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;

import java.util.List;
import java.util.Optional;

/**
 * The theme's questionnaire: only the questions that matter, one answer at a time, with conditions,
 * re-asks and the easier way out. A question is asked when its answer can change which offers match,
 * when one of its answers is urgent, or when an urgent question depends on it ({@link QuestionPlan});
 * an answer already given (a sub-theme named: "un job d'été") is never asked again.
 */
final class QuestionSteps {

    private final TurnContext turn;
    private final SafetySteps safety;
    private final QuestionPlan plan;

    QuestionSteps(TurnContext turn, SafetySteps safety) {
        this.turn = turn;
        this.safety = safety;
        this.plan = new QuestionPlan(turn);
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
                if (urgent(step, given.values())) {
                    safety.urgentAnswer();
                }
                next(step, null);
            }
            case StepAnswer.Ambiguous ambiguous -> {
                turn.update(s -> s.withCandidates(ambiguous.communeInsees()).withReasks(0));
                turn.say(turn.prompt());
            }
            case StepAnswer.Invalid invalid -> {
                if (turn.corrected()) {
                    return;
                }
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

    /** Whether the message is a valid answer to the question asked (and not "je sais pas"). */
    boolean takesAnAnswer() {
        return turn.prompts.currentStep(turn.state())
                .map(step -> turn.reader.read(step, turn.inbound, turn.state().candidates()) instanceof StepAnswer.Given)
                .orElse(false);
    }

    /** A theme chosen (or switched to): its questionnaire starts afresh, with the sub-theme named as an answer. */
    void startTheme(String theme, Optional<String> subTheme, String lead) {
        turn.chooseTheme(theme);
        subTheme(subTheme);
        next(null, lead);
    }

    /** A sub-theme named ("un job d'été"): the answer of the theme's first question that has it as a value. */
    void subTheme(Optional<String> subTheme) {
        Optional<Questionnaire> questionnaire = turn.questionnaire();
        if (subTheme.isEmpty() || questionnaire.isEmpty()) {
            return;
        }
        for (Step step : questionnaire.get().steps()) {
            Optional<Option> option = options(step).stream().filter(o -> o.id().equals(subTheme.get())).findFirst();
            if (option.isPresent()) {
                turn.update(s -> s.withSearch(s.search().withAnswer(step.id(),
                        new Given(List.of(option.get().id()), List.of(option.get().label())))));
                return;
            }
        }
    }

    /** The next question that matters after this one (or the first), else the offers. */
    void next(Step answered, String lead) {
        turn.pinQuestionnaire();
        Optional<Step> next = turn.questionnaire().flatMap(q -> plan.next(q, answered == null ? null : answered.id()));
        if (next.isPresent()) {
            turn.enter(Phase.QUESTION, next.get().id(), lead);
        } else {
            turn.showOffers(true, lead);
        }
    }

    private static boolean urgent(Step step, List<String> values) {
        return options(step).stream().anyMatch(o -> o.urgent() && values.contains(o.id()));
    }

    static List<Option> options(Step step) {
        return switch (step.question()) {
            case Question.SingleChoice single -> single.options();
            case Question.MultipleChoice multiple -> multiple.options();
            default -> List.of();
        };
    }

    /** "Je sais pas" typed (not tapped): an honest answer, not a failure to re-ask. */
    private boolean dontKnow() {
        Inbound inbound = turn.inbound;
        return inbound.choiceId() == null && !inbound.text().isBlank()
                && turn.ports.understanding().intentOf(inbound.text()) == Intent.DONT_KNOW;
    }
}
