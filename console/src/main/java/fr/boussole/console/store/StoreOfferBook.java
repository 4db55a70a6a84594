package fr.boussole.console.store;

import fr.boussole.console.offers.OfferBook;
import fr.boussole.console.offers.OfferForm;
import fr.boussole.console.offers.OfferStatus;
import fr.boussole.console.offers.OfferView;
import fr.boussole.core.ids.Ids;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.Offers;
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

/** Offers from the store, saved through its repository (the matching index follows it). */
@Component
class StoreOfferBook implements OfferBook {

    private final Offers offers;
    private final Organisations organisations;
    private final Clock clock;

    StoreOfferBook(Offers offers, Organisations organisations, Clock clock) {
        this.offers = offers;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Override
    public List<OfferView> ofOrganisation(String organisationId) {
        return views(offers.findByOrganisationId(organisationId));
    }

    @Override
    public List<OfferView> ofTerritory(String territoryId) {
        var ids = organisations.findByTerritoryId(territoryId).stream().map(Organisation::getId).toList();
        return ids.isEmpty() ? List.of() : views(offers.findByOrganisationIdIn(ids));
    }

    @Override
    public Optional<OfferView> find(String offerId) {
        return offers.findById(offerId).map(o -> views(List.of(o)).getFirst());
    }

    @Override
    public String create(String organisationId, OfferForm form, Map<String, Set<String>> criteria, String author) {
        Offer offer = new Offer(Ids.random("of"), organisationId, form.theme(), form.title().strip());
        apply(offer, form, criteria, author);
        offer.setStatus(fr.boussole.store.offer.OfferStatus.ACTIVE);
        offers.save(offer);
        return offer.getId();
    }

    @Override
    public void update(String offerId, OfferForm form, Map<String, Set<String>> criteria, String author) {
        Offer offer = offers.findById(offerId).orElseThrow(() -> new IllegalArgumentException("no offer " + offerId));
        apply(offer, form, criteria, author);
        offers.save(offer);
    }

    @Override
    public Map<String, Set<String>> criteria(String offerId) {
        Map<String, Set<String>> criteria = new java.util.LinkedHashMap<>();
        offers.findById(offerId).ifPresent(offer -> offer.getCriteria().stream().filter(c -> !c.isDisabled())
                .forEach(c -> criteria.put(c.questionId(), c.acceptedValues())));
        return criteria;
    }

    @Override
    public void archive(String offerId, String author) {
        Offer offer = offers.findById(offerId).orElseThrow(() -> new IllegalArgumentException("no offer " + offerId));
        offer.setStatus(fr.boussole.store.offer.OfferStatus.ARCHIVED);
        offer.touch(author, clock.instant());
        offers.save(offer);
    }

    private void apply(Offer offer, OfferForm form, Map<String, Set<String>> criteria, String author) {
        offer.setCriteria(criteria.entrySet().stream()
                .map(c -> new fr.boussole.store.offer.Criterion(c.getKey(), c.getValue())).toList());
        offer.setTitle(form.title().strip());
        offer.setDescription(form.description().strip());
        offer.setTheme(form.theme());
        offer.setPlace(form.place().strip());
        offer.setContactDelayDays(form.contactDelayDays());
        offer.setCommunes(form.communeCodes());
        offer.setAgeMin(form.ageMin());
        offer.setAgeMax(form.ageMax());
        offer.setValidUntil(form.validUntil());
        offer.touch(author, clock.instant());
    }

    private List<OfferView> views(List<Offer> list) {
        Map<String, String> names = organisations.findAllById(list.stream().map(Offer::getOrganisationId).distinct().toList())
                .stream().collect(Collectors.toMap(Organisation::getId, Organisation::getName));
        return list.stream().map(o -> new OfferView(o.getId(), o.getTitle(), o.getDescription(), o.getTheme(),
                o.getOrganisationId(), names.getOrDefault(o.getOrganisationId(), o.getOrganisationId()), o.getPlace(),
                o.getContactDelayDays(), o.getCommunes(), o.getAgeMin(), o.getAgeMax(), o.getValidFrom(),
                o.getValidUntil(), OfferStatus.valueOf(o.getStatus().name()), o.getUpdatedAt())).toList();
    }
}
