package fr.boussole.core.offer;

import java.util.List;

/**
 * An open territory (a Boussole) as the bot needs it.
 *
 * @param contact who a young person of this territory may call to talk to someone (its Info Jeunes), or null
 */
public record TerritoryView(String id, String name, List<ThemeRef> activeThemes, InfoJeunesContact contact) {
    public TerritoryView {
        activeThemes = List.copyOf(activeThemes);
    }

    public TerritoryView(String id, String name, List<ThemeRef> activeThemes) {
        this(id, name, activeThemes, null);
    }
}
