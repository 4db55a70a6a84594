package fr.boussole.store.matching;

import fr.boussole.core.offer.MatchQuery;
import fr.boussole.core.offer.OfferCatalog;
import fr.boussole.core.offer.OfferDetails;
import fr.boussole.core.offer.OfferSummary;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.Organisations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The bot's offer catalogue, served from an in-memory {@link OfferIndex}.
 * <p>
 * The index is rebuilt when an offer or an organisation is saved or deleted through Spring Data
 * in this instance (it is marked stale and the next search rebuilds it, so a burst of saves such
 * as an import costs one rebuild), and every {@code boussole.store.index-refresh} (one minute by
 * default) so that several instances sharing a database converge.
 */
@Component
public class StoreCatalog implements OfferCatalog {

    private static final Logger log = LoggerFactory.getLogger(StoreCatalog.class);

    private final Offers offers;
    private final Organisations organisations;
    private final AtomicBoolean stale = new AtomicBoolean(true);
    private volatile OfferMatcher matcher = OfferMatcher.EMPTY;
    private volatile boolean loaded;

    StoreCatalog(Offers offers, Organisations organisations) {
        this.offers = offers;
        this.organisations = organisations;
    }

    @Override
    public List<OfferSummary> match(MatchQuery query) {
        return current().match(query);
    }

    @Override
    public Optional<OfferDetails> offer(String offerId) {
        return offers.findById(offerId).filter(o -> o.getStatus() != OfferStatus.DRAFT).map(this::details);
    }

    private OfferDetails details(Offer offer) {
        Optional<Organisation> organisation = organisations.findById(offer.getOrganisationId());
        String place = offer.getPlace() != null && !offer.getPlace().isBlank() ? offer.getPlace()
                : organisation.map(Organisation::getAddress).orElse(null);
        return new OfferDetails(offer.getId(), offer.getTitle(), offer.getShortTitle(), offer.getDescription(),
                offer.getOrganisationId(),
                organisation.map(Organisation::getName).orElse(null), place, offer.getContactDelayDays());
    }

    /** The number of offers searchable now. */
    public int indexedOffers() {
        return current().size();
    }

    /** Rebuilds the index from the database now. */
    public synchronized void refresh() {
        stale.set(false);
        Map<String, Organisation> byId = new HashMap<>();
        for (Organisation organisation : organisations.findAll()) {
            byId.put(organisation.getId(), organisation);
        }
        long start = System.nanoTime();
        matcher = OfferMatcher.of(offers.findByStatus(OfferStatus.ACTIVE), byId);
        loaded = true;
        log.debug("Offer index rebuilt: {} active offers in {} ms", matcher.size(), (System.nanoTime() - start) / 1_000_000);
    }

    @Scheduled(fixedDelayString = "${boussole.store.index-refresh:PT1M}", initialDelayString = "${boussole.store.index-refresh:PT1M}")
    void periodicRefresh() {
        try {
            refresh();
        } catch (DataAccessException unreadable) {
            stale.set(true);
            log.warn("Offer index not refreshed, the database cannot be read: {}", unreadable.getMessage());
        }
    }

    @EventListener
    void onSave(AfterSaveEvent<?> event) {
        if (event.getSource() instanceof Offer || event.getSource() instanceof Organisation) {
            stale.set(true);
        }
    }

    @EventListener
    void onDelete(AfterDeleteEvent<?> event) {
        if (event.getType() == null || Offer.class.equals(event.getType())
                || Organisation.class.equals(event.getType())) {
            stale.set(true);
        }
    }

    /**
     * The matcher, rebuilt first if an edit made it stale. If the database cannot be read then, the
     * previous snapshot keeps serving (and the rebuild is retried at the next search); with no
     * snapshot yet, the failure is thrown.
     */
    private OfferMatcher current() {
        // "not loaded yet" too: the first build clears the stale mark before it reads the store, and a search
        // meanwhile must wait for it rather than be served the empty index (no offers at all after a start)
        if (stale.get() || !loaded) {
            synchronized (this) {
                if (stale.get() || !loaded) {
                    try {
                        refresh();
                    } catch (DataAccessException unreadable) {
                        stale.set(true);
                        if (!loaded) {
                            throw unreadable;
                        }
                        log.warn("Offer index not rebuilt, serving the previous one: {}", unreadable.getMessage());
                    }
                }
            }
        }
        return matcher;
    }
}
