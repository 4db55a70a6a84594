package fr.boussole.store.matching;

import fr.boussole.core.offer.OfferSummary;
import fr.boussole.store.offer.Criterion;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.organisation.Competence;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.ScopeLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds an {@link OfferIndex} from the stored offers and organisations. */
final class OfferIndexBuilder {

    /** Ages outside any offer's audience: an offer without bounds accepts every age. */
    private static final int NO_MIN_AGE = Integer.MIN_VALUE;
    private static final int NO_MAX_AGE = Integer.MAX_VALUE;
    private static final int SUMMARY_LENGTH = 140;

    private OfferIndexBuilder() {}

    static OfferIndex build(Iterable<Offer> offers, Map<String, Organisation> organisations) {
        Map<String, Map<String, List<IndexedOffer>>> index = new HashMap<>();
        Map<String, Integer> organisationIndexes = new HashMap<>();
        int size = 0;
        for (Offer offer : offers) {
            Organisation organisation = organisations.get(offer.getOrganisationId());
            if (offer.getStatus() != OfferStatus.ACTIVE || organisation == null || !organisation.isActive()
                    || offer.getTheme() == null) {
                continue;
            }
            ScopeLevel level;
            List<String> keys = new ArrayList<>();
            if (!offer.getCommunes().isEmpty()) {
                level = ScopeLevel.COMMUNES;
                offer.getCommunes().forEach(c -> keys.add(OfferIndex.communeKey(c)));
            } else {
                Competence competence = organisation.getCompetence();
                level = competence.level();
                for (String code : competence.codes()) {
                    keys.add(switch (level) {
                        case COMMUNES -> OfferIndex.communeKey(code);
                        case TERRITORY -> OfferIndex.territoryKey(code);
                        case DEPARTEMENT -> OfferIndex.departementKey(code);
                        case REGION -> OfferIndex.regionKey(code);
                        case NATIONAL -> OfferIndex.NATIONAL_KEY;
                    });
                }
                if (level == ScopeLevel.NATIONAL) {
                    keys.add(OfferIndex.NATIONAL_KEY);
                }
            }
            IndexedOffer indexed = indexed(offer, organisation, level,
                    organisationIndexes.computeIfAbsent(organisation.getId(), id -> organisationIndexes.size()));
            Map<String, List<IndexedOffer>> areas = index.computeIfAbsent(offer.getTheme(), t -> new HashMap<>());
            for (String key : keys.stream().distinct().toList()) {
                areas.computeIfAbsent(key, k -> new ArrayList<>()).add(indexed);
            }
            size++;
        }
        Map<String, Map<String, IndexedOffer[]>> frozen = new HashMap<>();
        index.forEach((theme, areas) -> {
            Map<String, IndexedOffer[]> arrays = new HashMap<>();
            areas.forEach((key, list) -> arrays.put(key, list.toArray(IndexedOffer[]::new)));
            frozen.put(theme, Map.copyOf(arrays));
        });
        return new OfferIndex(Map.copyOf(frozen), size, organisationIndexes.size());
    }

    private static IndexedOffer indexed(Offer offer, Organisation organisation, ScopeLevel level,
                                        int organisationIndex) {
        List<IndexedOffer.IndexedCriterion> criteria = new ArrayList<>();
        for (Criterion criterion : offer.getCriteria()) {
            if (!criterion.isDisabled()) {
                criteria.add(new IndexedOffer.IndexedCriterion(criterion.questionId(),
                        criterion.acceptedValues().toArray(String[]::new)));
            }
        }
        OfferSummary summary = new OfferSummary(offer.getId(), offer.getTitle(), offer.getShortTitle(),
                summaryOf(offer.getDescription()), organisation.getName(), offer.getContactDelayDays());
        return new IndexedOffer(offer.getId(), organisation.getId(), organisationIndex, level,
                offer.getValidFrom() == null ? Long.MIN_VALUE : offer.getValidFrom().toEpochDay(),
                offer.getValidUntil() == null ? Long.MAX_VALUE : offer.getValidUntil().toEpochDay(),
                offer.getAgeMin() == null ? NO_MIN_AGE : offer.getAgeMin(),
                offer.getAgeMax() == null ? NO_MAX_AGE : offer.getAgeMax(),
                criteria.toArray(IndexedOffer.IndexedCriterion[]::new),
                Ranking.mix(offer.getId().hashCode()), summary);
    }

    /** The first sentence of the description, cut at a word if it is long. */
    static String summaryOf(String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        String text = description.strip().replaceAll("\\s+", " ");
        int end = text.indexOf(". ");
        String sentence = end > 0 ? text.substring(0, end + 1) : text;
        if (sentence.length() <= SUMMARY_LENGTH) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', SUMMARY_LENGTH - 1);
        return sentence.substring(0, cut > 0 ? cut : SUMMARY_LENGTH - 1) + "…";
    }
}
