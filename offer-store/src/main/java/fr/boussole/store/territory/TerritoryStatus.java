package fr.boussole.store.territory;

import java.util.Set;

/**
 * Where a territory stands: only an open territory answers young people. A territory is prepared
 * (communes, themes, organisations, offers, questionnaires tried in the simulator), opened, and closed
 * when it stops; a closed territory may be opened again.
 */
public enum TerritoryStatus {
    IN_PREPARATION, OPEN, CLOSED;

    /** The statuses this one may move to. */
    public Set<TerritoryStatus> next() {
        return switch (this) {
            case IN_PREPARATION -> Set.of(OPEN);
            case OPEN -> Set.of(CLOSED);
            case CLOSED -> Set.of(OPEN);
        };
    }
}
