package fr.boussole.core.offer;

/**
 * An offer shown in full: what, who, where, and the promised contact delay.
 *
 * @param shortTitle at most {@link OfferSummary#SHORT_TITLE_MAX} characters, for buttons and lists
 */
public record OfferDetails(String id, String title, String shortTitle, String description, String organisationId,
                           String organisationName, String place, int contactDelayDays) {

    public OfferDetails {
        shortTitle = OfferSummary.shortTitleOf(shortTitle, title);
    }

    /** Without a short title of its own: one is cut from the title. */
    public OfferDetails(String id, String title, String description, String organisationId, String organisationName,
                        String place, int contactDelayDays) {
        this(id, title, null, description, organisationId, organisationName, place, contactDelayDays);
    }
}
