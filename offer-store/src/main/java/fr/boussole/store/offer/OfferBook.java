package fr.boussole.store.offer;

import fr.boussole.core.ids.Ids;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.Organisations;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The offers as people read and change them in the console, with their organisation's name; saved
 * through the repository, so the matching index follows.
 */
@Component
public class OfferBook {

    private final Offers offers;
    private final Organisations organisations;
    private final Clock clock;

    OfferBook(Offers offers, Organisations organisations, Clock clock) {
        this.offers = offers;
        this.organisations = organisations;
        this.clock = clock;
    }

    public List<OfferView> ofOrganisation(String organisationId) {
        return views(offers.findByOrganisationId(organisationId));
    }

    public List<OfferView> ofTerritory(String territoryId) {
        var ids = organisations.findByTerritoryId(territoryId).stream().map(Organisation::getId).toList();
        return ids.isEmpty() ? List.of() : views(offers.findByOrganisationIdIn(ids));
    }

    public Optional<OfferView> find(String offerId) {
        return offers.findById(offerId).map(o -> views(List.of(o)).getFirst());
    }

    /** Creates an active offer of this organisation with these criteria (question to values); returns its id. */
    public String create(String organisationId, OfferEdit form, Map<String, Set<String>> criteria, String author) {
        Offer offer = new Offer(Ids.random("of"), organisationId, form.theme(), form.title().strip());
        apply(offer, form, criteria, author);
        offer.setStatus(OfferStatus.ACTIVE);
        offers.save(offer);
        return offer.getId();
    }

    public void update(String offerId, OfferEdit form, Map<String, Set<String>> criteria, String author) {
        Offer offer = offers.findById(offerId).orElseThrow(() -> new IllegalArgumentException("no offer " + offerId));
        apply(offer, form, criteria, author);
        offers.save(offer);
    }

    /** The offer's eligibility criteria, question to accepted values (none: it filters on no answer). */
    public Map<String, Set<String>> criteria(String offerId) {
        Map<String, Set<String>> criteria = new java.util.LinkedHashMap<>();
        offers.findById(offerId).ifPresent(offer -> offer.getCriteria().stream().filter(c -> !c.isDisabled())
                .forEach(c -> criteria.put(c.questionId(), c.acceptedValues())));
        return criteria;
    }

    public void archive(String offerId, String author) {
        Offer offer = offers.findById(offerId).orElseThrow(() -> new IllegalArgumentException("no offer " + offerId));
        offer.setStatus(OfferStatus.ARCHIVED);
        offer.touch(author, clock.instant());
        offers.save(offer);
    }

    private void apply(Offer offer, OfferEdit form, Map<String, Set<String>> criteria, String author) {
        offer.setCriteria(criteria.entrySet().stream().map(c -> new Criterion(c.getKey(), c.getValue())).toList());
        offer.setTitle(form.title().strip());
        offer.setShortTitle(form.shortTitle() == null || form.shortTitle().isBlank() ? null : form.shortTitle().strip());
        offer.setDescription(form.description().strip());
        offer.setTheme(form.theme());
        offer.setPlace(form.place().strip());
        offer.setContactDelayDays(form.contactDelayDays());
        offer.setCommunes(form.communes());
        offer.setAgeMin(form.ageMin());
        offer.setAgeMax(form.ageMax());
        offer.setValidUntil(form.validUntil());
        offer.touch(author, clock.instant());
    }

    private List<OfferView> views(List<Offer> list) {
        Map<String, String> names = organisations.findAllById(list.stream().map(Offer::getOrganisationId).distinct().toList())
                .stream().collect(Collectors.toMap(Organisation::getId, Organisation::getName));
        return list.stream().map(o -> new OfferView(o.getId(), o.getTitle(), o.getShortTitle(), o.getDescription(), o.getTheme(),
                o.getOrganisationId(), names.getOrDefault(o.getOrganisationId(), o.getOrganisationId()), o.getPlace(),
                o.getContactDelayDays(), o.getCommunes(), o.getAgeMin(), o.getAgeMax(), o.getValidFrom(),
                o.getValidUntil(), o.getStatus(), o.getUpdatedAt())).toList();
    }
}
