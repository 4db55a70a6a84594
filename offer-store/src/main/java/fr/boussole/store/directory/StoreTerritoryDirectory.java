package fr.boussole.store.directory;

import fr.boussole.store.territory.Territories;
import fr.boussole.store.territory.Territory;
import fr.boussole.store.territory.TerritoryStatus;
import fr.boussole.store.territory.TerritoryContact;
import fr.boussole.store.territory.InfoJeunesEntry;

import fr.boussole.core.offer.InfoJeunesContact;
import fr.boussole.core.offer.NationalService;
import fr.boussole.core.handover.OfficeHours;
import fr.boussole.core.handover.PersonDesk;
import java.time.Duration;
import fr.boussole.core.offer.TerritoryDirectory;
import fr.boussole.core.offer.TerritoryView;
import fr.boussole.core.offer.ThemeRef;
import fr.boussole.core.place.Commune;
import fr.boussole.store.geo.Geography;
import fr.boussole.store.organisation.LocalInfoJeunes;
import fr.boussole.store.theme.Theme;
import fr.boussole.store.theme.Themes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which Boussole covers a commune, and where to turn outside them. Info Jeunes contacts come, in
 * this order, from the territories' own lists for the commune's department, then for its region,
 * then from the built-in regional list. Inside a territory, when no offer fits: its own Info Jeunes
 * organisation, then the national services of the theme ({@code store/national-services.yaml}).
 */
@Component
public class StoreTerritoryDirectory implements TerritoryDirectory {

    private final Territories territories;
    private final Themes themes;
    private final Geography geography = Geography.france();
    private final RegionalInfoJeunes builtIn = RegionalInfoJeunes.load();
    private final NationalServices national = NationalServices.load();
    private final LocalInfoJeunes local;

    StoreTerritoryDirectory(Territories territories, Themes themes, LocalInfoJeunes local) {
        this.territories = territories;
        this.themes = themes;
        this.local = local;
    }

    @Override
    public Optional<InfoJeunesContact> infoJeunesIn(String territoryId, String communeInsee) {
        return local.forCommune(territoryId, communeInsee)
                .map(desk -> new InfoJeunesContact(desk.name(), desk.phone(), null, null));
    }

    @Override
    public List<NationalService> nationalServices(String theme) {
        return national.forTheme(theme);
    }

    /**
     * Every open territory has a desk: its Info Jeunes organisation (or, without one, its team) answers
     * in the console's inbox during the territory's office hours.
     */
    @Override
    public Optional<PersonDesk> personDesk(String territoryId) {
        return territories.findById(territoryId).filter(Territory::isOpen).map(this::desk);
    }

    /** The desk of a territory, open or not (for the console). */
    public PersonDesk desk(Territory territory) {
        String name = local.ofTerritory(territory.getId()).stream().map(o -> o.getName()).findFirst()
                .orElse(territory.getName());
        OfficeHours hours = OfficeHours.DEFAULT;
        if (territory.getDeskHours() != null && !territory.getDeskHours().isBlank()) {
            try {
                hours = OfficeHours.parse(territory.getDeskHours(), OfficeHours.DEFAULT.zone());
            } catch (IllegalArgumentException unreadable) {
                // set through the console's form, which checks them: an unreadable value falls back to the default
            }
        }
        Duration quiet = territory.getDeskQuietFor() != null && territory.getDeskQuietFor().isPositive()
                ? territory.getDeskQuietFor() : PersonDesk.DEFAULT_QUIET_FOR;
        return new PersonDesk(territory.getId(), name, hours, quiet);
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
