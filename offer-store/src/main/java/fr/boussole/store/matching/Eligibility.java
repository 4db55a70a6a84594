package fr.boussole.store.matching;

import fr.boussole.core.offer.MatchQuery;
import java.util.Map;
import java.util.Set;

/**
 * The rules that decide whether a young person may be shown an offer, all in one place:
 * <ol>
 *   <li>the offer is valid on the day of the search (both ends included);</li>
 *   <li>the age is within the offer's bounds (both included);</li>
 *   <li>every criterion accepts the answer to its question: at least one value in common (a
 *       multiple choice needs one overlap only); an unanswered question does not exclude (the
 *       questionnaire skips questions by condition: unknown is not no); an answer of "no
 *       preference" ({@link #NO_PREFERENCE}) accepts anything.</li>
 * </ol>
 * Whether the offer is active, of the theme, in scope and of an active organisation is settled by
 * the index itself, which only holds such offers under their theme and areas.
 */
final class Eligibility {

    /** Value ids of the questionnaires that mean "I don't mind / I don't know" (docs/questionnaires.md). */
    static final Set<String> NO_PREFERENCE = Set.of("peu-importe", "ne-sait-pas", "ne-pas-dire");

    private Eligibility() {}

    static boolean accepts(IndexedOffer offer, MatchQuery query, long today) {
        return today >= offer.validFrom() && today <= offer.validUntil()
                && query.age() >= offer.ageMin() && query.age() <= offer.ageMax()
                && criteriaAccept(offer.criteria(), query.answers());
    }

    private static boolean criteriaAccept(IndexedOffer.IndexedCriterion[] criteria, Map<String, Set<String>> answers) {
        for (IndexedOffer.IndexedCriterion criterion : criteria) {
            Set<String> answer = answers.get(criterion.questionId());
            if (answer != null && !answer.isEmpty() && !overlaps(criterion.accepted(), answer)) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlaps(String[] accepted, Set<String> answer) {
        for (String value : accepted) {
            if (answer.contains(value)) {
                return true;
            }
        }
        for (String value : answer) {
            if (NO_PREFERENCE.contains(value)) {
                return true;
            }
        }
        return false;
    }
}
