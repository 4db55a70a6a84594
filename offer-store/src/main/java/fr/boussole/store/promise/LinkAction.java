package fr.boussole.store.promise;

/**
 * What an alert email's link does: open the request's page, or one of the two one-click answers the
 * email offers. Stored by name.
 */
public enum LinkAction {
    /** Opens the request's page (contact details, follow-up form) until it expires. */
    OPEN,
    /** "Je l'ai contacté": the young person was reached. Used once. */
    CONTACTED,
    /** "Ce n'est pas pour nous": the organisation closes the request, with a reason. Used once. */
    NOT_FOR_US;

    /** Whether a link of this kind works once only. */
    public boolean singleUse() {
        return this != OPEN;
    }
}
