package fr.boussole.core.offer;

/**
 * Told of each recorded contact request, so that the professionals in charge are alerted. Called
 * again for the same request after a crash: implementations enqueue with derived ids (see
 * {@link fr.boussole.core.ids.Ids#derived}) so that nothing is sent twice.
 */
public interface ContactRequestAlerts {

    void requestRecorded(ContactRequests.Recorded request);
}
