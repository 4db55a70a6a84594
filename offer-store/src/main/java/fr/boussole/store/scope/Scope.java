package fr.boussole.store.scope;

/**
 * Where an account may look and act: the whole country, one territory, or one organisation (within
 * its territory). Every read and change of territories, organisations and accounts takes one, so that
 * a page cannot ask for more than its user may see; it comes from the signed-in account, never from
 * a request parameter. Its own package, which depends on nothing: the services of territories,
 * organisations and accounts all take one ({@code AccountRole.scope} gives an account's).
 */
public sealed interface Scope {

    /** An administrator's: every territory. */
    record National() implements Scope {}

    /** An animateur's. */
    record OfTerritory(String territoryId) implements Scope {
        public OfTerritory {
            if (territoryId == null || territoryId.isBlank()) {
                throw new IllegalArgumentException("a territory scope needs a territory");
            }
        }
    }

    /** A professional's; {@code territoryId} is their organisation's (may be null for a national one). */
    record OfOrganisation(String organisationId, String territoryId) implements Scope {
        public OfOrganisation {
            if (organisationId == null || organisationId.isBlank()) {
                throw new IllegalArgumentException("an organisation scope needs an organisation");
            }
        }
    }

    /** Nothing at all: an account whose territory or organisation is missing. */
    record Nowhere() implements Scope {}

    Scope NATIONAL = new National();
    Scope NOWHERE = new Nowhere();

    /** True when this scope includes everything of the territory {@code territoryId}. */
    default boolean coversTerritory(String territoryId) {
        return switch (this) {
            case National n -> true;
            case OfTerritory t -> t.territoryId().equals(territoryId);
            case OfOrganisation o -> false;
            case Nowhere x -> false;
        };
    }
}
