package fr.boussole.console.offers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The offers as the console reads and edits them (backed by the offer store). */
public interface OfferBook {

    List<OfferView> ofOrganisation(String organisationId);

    List<OfferView> ofTerritory(String territoryId);

    Optional<OfferView> find(String offerId);

    /** Creates an active offer of this organisation with these criteria (question to values); returns its id. */
    String create(String organisationId, OfferForm form, Map<String, Set<String>> criteria, String author);

    void update(String offerId, OfferForm form, Map<String, Set<String>> criteria, String author);

    /** The offer's eligibility criteria, question to accepted values (none: it filters on no answer). */
    Map<String, Set<String>> criteria(String offerId);

    void archive(String offerId, String author);
}
