package fr.boussole.store.territory;

import fr.boussole.core.offer.InfoJeunesContact;
import fr.boussole.core.offer.TerritoryDirectory;
import fr.boussole.core.offer.TerritoryView;
import fr.boussole.core.offer.ThemeRef;
import fr.boussole.core.place.Commune;
import fr.boussole.store.geo.Geography;
import fr.boussole.store.theme.Theme;
import fr.boussole.store.theme.Themes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which Boussole covers a commune, and where to turn outside them. Info Jeunes contacts come, in
 * this order, from the territories' own lists for the commune's department, then for its region,
 * then from the built-in regional list.
 */
@Component
public class StoreTerritoryDirectory implements TerritoryDirectory {

    private final Territories territories;
    private final Themes themes;
    private final Geography geography = Geography.france();
    private final RegionalInfoJeunes builtIn = RegionalInfoJeunes.load();

    StoreTerritoryDirectory(Territories territories, Themes themes) {
        this.territories = territories;
        this.themes = themes;
    }

    @Override
    public Optional<TerritoryView> openTerritoryFor(String communeInsee) {
        return territories.findByCommunesContaining(communeInsee).stream()
                .filter(Territory::isOpen)
                .findFirst()
                .map(this::view);
    }

    @Override
    public Optional<TerritoryView> territoryCovering(String territoryId, String communeInsee) {
        return territories.findById(territoryId)
                .filter(t -> t.getCommunes().contains(communeInsee))
                .map(this::view);
    }

    private TerritoryView view(Territory territory) {
        List<ThemeRef> active = themes.findAllByOrderByPositionAsc().stream()
                .filter(theme -> territory.getActiveThemes().contains(theme.getId()))
                .map(StoreTerritoryDirectory::ref)
                .toList();
        return new TerritoryView(territory.getId(), territory.getName(), active,
                territory.getContact() == null ? null : territory.getContact().toContact());
    }

    private static ThemeRef ref(Theme theme) {
        return new ThemeRef(theme.getId(), theme.getLabel());
    }

    @Override
    public String departementName(String code) {
        return geography.departementName(code).orElse(code);
    }

    @Override
    public List<InfoJeunesContact> infoJeunesFor(Commune commune) {
        String departement = commune.departement() != null ? commune.departement()
                : Geography.departementOf(commune.insee());
        String region = geography.regionOfDepartement(departement).orElse(commune.region());
        List<InfoJeunesEntry> recommended = territories.findAll().stream()
                .flatMap(t -> t.getInfoJeunes().stream())
                .toList();
        List<InfoJeunesEntry> chosen = recommended.stream()
                .filter(e -> Objects.equals(e.departement(), departement)).toList();
        if (chosen.isEmpty()) {
            chosen = recommended.stream().filter(e -> e.departement() == null && Objects.equals(e.region(), region))
                    .toList();
        }
        if (chosen.isEmpty()) {
            chosen = builtIn.forRegion(region);
        }
        return chosen.stream().map(InfoJeunesEntry::toContact).distinct().toList();
    }
}
