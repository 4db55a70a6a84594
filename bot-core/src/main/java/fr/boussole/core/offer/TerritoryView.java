package fr.boussole.core.offer;

import java.util.List;

/** An open territory (a Boussole) as the bot needs it. */
public record TerritoryView(String id, String name, List<ThemeRef> activeThemes) {
    public TerritoryView {
        activeThemes = List.copyOf(activeThemes);
    }
}
