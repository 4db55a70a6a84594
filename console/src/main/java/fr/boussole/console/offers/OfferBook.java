package fr.boussole.console.offers;

import java.util.List;
import java.util.Optional;

/** The offers as the console reads and edits them (backed by the offer store). */
public interface OfferBook {

    List<OfferView> ofOrganisation(String organisationId);

    List<OfferView> ofTerritory(String territoryId);

    Optional<OfferView> find(String offerId);

    /** Creates an active offer of this organisation; returns its id. */
    String create(String organisationId, OfferForm form, String author);

    void update(String offerId, OfferForm form, String author);

    void archive(String offerId, String author);
}
