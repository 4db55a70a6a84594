package fr.boussole.core.offer;

import fr.boussole.core.conversation.DialogEvent;

/** Where the anonymous searches the dialogs report are kept, for statistics. */
public interface SearchLog {

    /**
     * Records one search. {@code eventId} makes a replay after a crash harmless: an id derived from
     * the inbound message records the same search once; null for a new one.
     */
    void record(DialogEvent.SearchRecorded search, String eventId);
}
