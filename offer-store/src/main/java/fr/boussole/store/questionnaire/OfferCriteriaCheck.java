package fr.boussole.store.questionnaire;

import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.QuestionnaireRules;
import fr.boussole.core.questionnaire.Step;
import fr.boussole.store.offer.Criterion;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.Organisations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a questionnaire would do to the territory's offers of its theme: each criterion (not archived
 * offers of the territory's organisations) that names a question or a value the questionnaire does not
 * have. Listed before publishing, so that nobody learns from the young people that an offer vanished.
 */
@Component
public class OfferCriteriaCheck {

    /** What happens to an offer's criterion under the questionnaire. */
    public enum Effect {
        /** None of the values the criterion accepts exists: the offer is no longer shown to whoever answers. */
        STOPS_MATCHING,
        /** Some accepted values no longer exist: the offer is shown to fewer young people. */
        VALUES_GONE,
        /** The question no longer exists: the criterion filters nobody out any more. */
        QUESTION_GONE
    }

    public record Issue(String offerId, String offerTitle, String organisationName, String questionId,
                        List<String> missingValues, Effect effect) {
        public Issue {
            missingValues = List.copyOf(missingValues);
        }
    }

    private final Offers offers;
    private final Organisations organisations;

    OfferCriteriaCheck(Offers offers, Organisations organisations) {
        this.offers = offers;
        this.organisations = organisations;
    }

    public List<Issue> check(String territoryId, Questionnaire questionnaire) {
        Map<String, String> names = organisations.findByTerritoryId(territoryId).stream()
                .collect(Collectors.toMap(Organisation::getId, Organisation::getName, (a, b) -> a));
        if (names.isEmpty()) {
            return List.of();
        }
        Map<String, Step> steps = questionnaire.steps().stream()
                .collect(Collectors.toMap(Step::id, Function.identity(), (a, b) -> a));
        List<Issue> issues = new ArrayList<>();
        for (Offer offer : offers.findByOrganisationIdIn(names.keySet())) {
            if (offer.getStatus() == OfferStatus.ARCHIVED || !questionnaire.theme().equals(offer.getTheme())) {
                continue;
            }
            for (Criterion criterion : offer.getCriteria()) {
                if (!criterion.isDisabled()) {
                    issue(offer, names.get(offer.getOrganisationId()), criterion, Optional.ofNullable(steps.get(criterion.questionId())))
                            .ifPresent(issues::add);
                }
            }
        }
        issues.sort(Comparator.comparing(Issue::effect).thenComparing(Issue::organisationName)
                .thenComparing(Issue::offerTitle).thenComparing(Issue::questionId));
        return List.copyOf(issues);
    }

    private static Optional<Issue> issue(Offer offer, String organisation, Criterion criterion, Optional<Step> step) {
        if (step.isEmpty()) {
            return Optional.of(new Issue(offer.getId(), offer.getTitle(), organisation, criterion.questionId(),
                    List.of(), Effect.QUESTION_GONE));
        }
        Set<String> known = QuestionnaireRules.valuesOf(step.get().question());
        if (known.isEmpty()) {
            return Optional.empty(); // a number, a text or a commune: any value goes
        }
        Set<String> missing = new java.util.TreeSet<>(criterion.acceptedValues());
        missing.removeAll(known);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        Effect effect = missing.size() == criterion.acceptedValues().size() ? Effect.STOPS_MATCHING : Effect.VALUES_GONE;
        return Optional.of(new Issue(offer.getId(), offer.getTitle(), organisation, criterion.questionId(),
                List.copyOf(missing), effect));
    }
}
