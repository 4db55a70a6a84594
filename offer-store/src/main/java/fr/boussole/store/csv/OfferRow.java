package fr.boussole.store.csv;

import fr.boussole.store.offer.Criterion;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.OfferStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A valid row of the offers CSV, ready to be written onto an offer. */
record OfferRow(int line, String ref, String title, String shortTitle, String description, String theme, String subTheme,
                String organisationId, String place, List<String> communes, List<Criterion> criteria,
                Integer ageMin, Integer ageMax, int contactDelayDays, LocalDate validFrom, LocalDate validUntil,
                OfferStatus status) {

    /** Whether the offer already says exactly what this row says. */
    boolean sameAs(Offer offer) {
        return Objects.equals(title, offer.getTitle()) && Objects.equals(shortTitle, offer.getShortTitle())
                && Objects.equals(description, offer.getDescription())
                && Objects.equals(theme, offer.getTheme()) && Objects.equals(subTheme, offer.getSubTheme())
                && Objects.equals(organisationId, offer.getOrganisationId()) && Objects.equals(place, offer.getPlace())
                && communes.equals(offer.getCommunes()) && criteria.equals(offer.getCriteria())
                && Objects.equals(ageMin, offer.getAgeMin()) && Objects.equals(ageMax, offer.getAgeMax())
                && contactDelayDays == offer.getContactDelayDays() && Objects.equals(validFrom, offer.getValidFrom())
                && Objects.equals(validUntil, offer.getValidUntil()) && status == offer.getStatus();
    }

    void applyTo(Offer offer) {
        offer.setRef(ref);
        offer.setTitle(title);
        offer.setShortTitle(shortTitle);
        offer.setDescription(description);
        offer.setTheme(theme);
        offer.setSubTheme(subTheme);
        offer.setOrganisationId(organisationId);
        offer.setPlace(place);
        offer.setCommunes(communes);
        offer.setCriteria(criteria);
        offer.setAgeMin(ageMin);
        offer.setAgeMax(ageMax);
        offer.setContactDelayDays(contactDelayDays);
        offer.setValidFrom(validFrom);
        offer.setValidUntil(validUntil);
        offer.setStatus(status);
    }
}
