package fr.boussole.store.request;

import java.util.Set;

/** The life of a request: new, in progress, contacted, closed (with an outcome). */
public enum RequestStatus {
    NEW, IN_PROGRESS, CONTACTED, CLOSED;

    /** The allowed next steps: the one place where the transitions are written down. */
    public Set<RequestStatus> next() {
        return switch (this) {
            case NEW -> Set.of(IN_PROGRESS, CLOSED);
            case IN_PROGRESS -> Set.of(CONTACTED, CLOSED);
            case CONTACTED -> Set.of(CLOSED);
            case CLOSED -> Set.of();
        };
    }
}
