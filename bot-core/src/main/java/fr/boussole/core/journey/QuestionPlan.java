package fr.boussole.core.journey;

import fr.boussole.core.offer.OfferSummary;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which questions of a questionnaire are worth the young person's time, given the answers so far.
 * Every question asked costs a message (and on SMS, a segment or two); a question whose every answer
 * leaves the same offers matching changes nothing for the young person, so it is not asked. Asked:
 * <ul>
 *   <li>a question one of whose answers changes the set of matching offers (each value is tried
 *       against the catalogue, as an answer added to those given);</li>
 *   <li>a question with an answer marked {@code urgent} (it may call for a help line at once);</li>
 *   <li>a question an urgent question's condition reads (without it, the urgent one is never asked).</li>
 * </ul>
 * A question already answered (a sub-theme named in a sentence) is skipped, and conditions still
 * apply. Free-text questions never change matching, so they are not asked.
 */
final class QuestionPlan {

    /** Decisions tried before keeping one whose catalogue changed under it (an index rebuilt twice in one turn). */
    private static final int ATTEMPTS = 3;

    private final TurnContext turn;

    QuestionPlan(TurnContext turn) {
        this.turn = turn;
    }

    /**
     * The first question after {@code afterId} (or from the start) that is active, unanswered and worth asking.
     * The probes of one decision must all be answered by the same catalogue: an instance rebuilding its offer index
     * in the middle of a turn would otherwise compare offers of two snapshots, and ask a question that changes
     * nothing (or skip one that does). So the catalogue is asked again at the end; if it changed, decide again.
     */
    Optional<Step> next(Questionnaire questionnaire, String afterId) {
        Map<String, List<String>> answers = turn.state().search().values();
        for (int attempt = 1; ; attempt++) {
            Set<String> before = turn.offers.idsMatching(turn.state(), answers, turn.now);
            Optional<Step> chosen = choose(questionnaire, afterId);
            if (attempt == ATTEMPTS || turn.offers.idsMatchingAfresh(turn.state(), answers, turn.now).equals(before)) {
                return chosen;
            }
            turn.offers.forget();
        }
    }

    private Optional<Step> choose(Questionnaire questionnaire, String afterId) {
        List<Step> steps = questionnaire.steps();
        int from = 0;
        if (afterId != null) {
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).id().equals(afterId)) {
                    from = i + 1;
                }
            }
        }
        Map<String, List<String>> answers = turn.state().search().values();
        Set<String> feedUrgent = feedUrgent(questionnaire);
        for (Step step : steps.subList(from, steps.size())) {
            if (answers.containsKey(step.id()) || !questionnaire.active(step, answers)) {
                continue;
            }
            if (urgentBearing(step) || feedUrgent.contains(step.id()) || changesMatching(step, answers)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    private static boolean urgentBearing(Step step) {
        return QuestionSteps.options(step).stream().anyMatch(o -> o.urgent());
    }

    /** The questions whose answer decides whether an urgent question is asked. */
    private static Set<String> feedUrgent(Questionnaire questionnaire) {
        Set<String> ids = new HashSet<>();
        questionnaire.steps().stream().filter(QuestionPlan::urgentBearing)
                .forEach(step -> ids.addAll(step.condition().questionIds()));
        return ids;
    }

    private boolean changesMatching(Step step, Map<String, List<String>> answers) {
        Set<String> without = turn.offers.idsMatching(turn.state(), answers, turn.now);
        for (String probe : probes(step)) {
            Map<String, List<String>> with = new LinkedHashMap<>(answers);
            with.put(step.id(), List.of(probe));
            if (!turn.offers.idsMatching(turn.state(), with, turn.now).equals(without)) {
                return true;
            }
        }
        return false;
    }

    /** The values to try: every option, yes and no, the bounds of a number, the young person's own commune. */
    private List<String> probes(Step step) {
        List<String> probes = new ArrayList<>();
        switch (step.question()) {
            case Question.SingleChoice single -> single.options().forEach(o -> probes.add(o.id()));
            case Question.MultipleChoice multiple -> multiple.options().forEach(o -> probes.add(o.id()));
            case Question.YesNo ignored -> probes.addAll(List.of(Question.YesNo.YES, Question.YesNo.NO));
            case Question.Number number -> probes.addAll(List.of(Integer.toString(number.min()),
                    Integer.toString(number.max())));
            case Question.CommuneQuestion ignored -> Optional.ofNullable(turn.state().profile().communeInsee())
                    .ifPresent(probes::add);
            case Question.FreeText ignored -> { }
        }
        return probes;
    }

    static Set<String> ids(List<OfferSummary> offers) {
        Set<String> ids = new HashSet<>();
        offers.forEach(o -> ids.add(o.id()));
        return ids;
    }
}
