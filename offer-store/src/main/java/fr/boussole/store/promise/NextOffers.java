package fr.boussole.store.promise;

import fr.boussole.core.conversation.Answer;
import fr.boussole.core.promise.RequestNews;
import fr.boussole.core.offer.MatchQuery;
import fr.boussole.core.offer.OfferCatalog;
import fr.boussole.core.offer.OfferSummary;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.store.mail.Dates;
import fr.boussole.store.request.ContactRequest;
import fr.boussole.store.request.ContactRequestRecords;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The offer to propose when a request left its young person without help: the best match for the
 * same search (territory, theme, commune, age, answers), today, from another organisation, among the
 * offers this young person has not asked about yet on this conversation.
 */
@Component
class NextOffers {

    /** What a list row or a button can show; longer titles are cut at a word. */
    static final int SHORT_TITLE = 24;

    private final OfferCatalog catalog;
    private final ContactRequestRecords records;
    private final PersonalData personalData;

    NextOffers(OfferCatalog catalog, ContactRequestRecords records, PersonalData personalData) {
        this.catalog = catalog;
        this.records = records;
        this.personalData = personalData;
    }

    Optional<RequestNews.NextOffer> after(ContactRequest request, String organisationName, Instant now) {
        if (request.getTerritoryId() == null || request.getTheme() == null || request.getAge() <= 0) {
            return Optional.empty();
        }
        Map<String, Set<String>> answers = new LinkedHashMap<>();
        for (Answer answer : request.getAnswers()) {
            answers.put(answer.questionId(), new LinkedHashSet<>(answer.values()));
        }
        LocalDate today = now.atZone(Dates.PARIS).toLocalDate();
        MatchQuery query = new MatchQuery(request.getTerritoryId(), request.getTheme(), request.getCommuneInsee(),
                request.getAge(), answers, today, request.getId());
        Set<String> asked = asked(request);
        return catalog.match(query).stream()
                .filter(offer -> !asked.contains(offer.id()))
                .filter(offer -> !Objects.equals(offer.organisationName(), organisationName))
                .findFirst()
                .map(offer -> new RequestNews.NextOffer(offer.id(), shortTitle(offer), offer.organisationName(),
                        offer.contactDelayDays()));
    }

    /** The offers this young person asked about from this conversation, the request's own among them. */
    private Set<String> asked(ContactRequest request) {
        Set<String> asked = new LinkedHashSet<>();
        asked.add(request.getOfferId());
        if (request.getChannel() != null && request.getConversationAddress() != null) {
            asked.addAll(records.findByConversationLookup(personalData.lookupKey(request.getChannel(),
                    request.getConversationAddress())).stream().map(ContactRequest::getOfferId)
                    .collect(Collectors.toSet()));
        }
        return asked;
    }

    static String shortTitle(OfferSummary offer) {
        String title = offer.title().strip();
        if (title.length() <= SHORT_TITLE) {
            return title;
        }
        String cut = title.substring(0, SHORT_TITLE - 1);
        int space = cut.lastIndexOf(' ');
        if (space >= SHORT_TITLE / 2) {
            cut = cut.substring(0, space);
        }
        return cut.replaceAll("[\\s,;:.'’-]+$", "") + "…";
    }
}
