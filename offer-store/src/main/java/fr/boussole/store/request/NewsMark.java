package fr.boussole.store.request;

import java.time.Instant;

/**
 * One piece of news of a request owed to the young person: when it became due (the change it tells),
 * and when it was handed to their conversation's inbox. Kept on the request, written in the same save
 * as the change, so that no change is ever left untold and none is told twice.
 */
public record NewsMark(Instant due, Instant handedAt) {

    public boolean handed() {
        return handedAt != null;
    }
}
