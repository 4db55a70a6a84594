package fr.boussole.store.territory;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.place.Commune;
import fr.boussole.core.place.CommuneGroups;
import fr.boussole.core.place.Epci;
import fr.boussole.store.access.ChangeRefused;
import fr.boussole.store.scope.Scope;
import fr.boussole.store.geo.Geography;
import fr.boussole.store.theme.Theme;
import fr.boussole.store.theme.Themes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Territories as the console reads and changes them, always within a {@link Scope}: an administrator
 * sees and changes every territory, an animateur sees theirs, a professional none. A territory is drawn
 * from departments, intercommunalities or a list of communes ({@link Composition}); no commune may be in
 * two territories that are not closed, since the bot must know which one answers for it.
 */
@Service
public class TerritoryService {

    private static final Pattern DEPARTEMENT = Pattern.compile("\\d{2}|2[AB]|97\\d");
    private static final int MAX_NAME = 120;
    /** How many problem codes a refusal names: enough to find them, short enough to read. */
    private static final int SHOWN = 10;

    private final Territories territories;
    private final Themes themes;
    private final CommuneGroups groups;
    private final Clock clock;

    TerritoryService(Territories territories, Themes themes, CommuneGroups groups, Clock clock) {
        this.territories = territories;
        this.themes = themes;
        this.groups = groups;
        this.clock = clock;
    }

    /**
     * What a territory is made of and offers, as typed in the form.
     *
     * @param contact who its young people may call to talk to a person ("parler à quelqu'un"), or null
     */
    public record Draft(String name, Composition composition, List<String> themes, List<InfoJeunesEntry> infoJeunes,
                        TerritoryContact contact) {}

    /** The territories this scope covers, by name. */
    public List<Territory> visibleTo(Scope scope) {
        List<Territory> found = switch (scope) {
            case Scope.National n -> territories.findAll();
            case Scope.OfTerritory t -> territories.findById(t.territoryId()).stream().toList();
            case Scope.OfOrganisation o -> List.of();
            case Scope.Nowhere x -> List.of();
        };
        return found.stream().sorted(Comparator.comparing(Territory::getName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The territory, if this scope covers it; absent either way otherwise (not yours = not there). */
    public Optional<Territory> find(Scope scope, String territoryId) {
        if (territoryId == null || !scope.coversTerritory(territoryId)) {
            return Optional.empty();
        }
        return territories.findById(territoryId);
    }

    /** Creates a territory in preparation (administrators only). */
    public Territory create(Scope scope, Draft draft) {
        return create(scope, draft, Ids.random("te"));
    }

    /** The same with a chosen id (the demo data's fixed ids). */
    public Territory create(Scope scope, Draft draft, String id) {
        requireNational(scope);
        Territory territory = new Territory(id, "", TerritoryStatus.IN_PREPARATION);
        apply(territory, draft);
        return territories.insert(territory);
    }

    /** Changes a territory's name, communes, themes and contacts (administrators only). */
    public Territory update(Scope scope, String territoryId, Draft draft) {
        requireNational(scope);
        Territory territory = find(scope, territoryId).orElseThrow(ChangeRefused::notFound);
        apply(territory, draft);
        return territories.save(territory);
    }

    /** Moves a territory along its statuses ({@link TerritoryStatus#next()}); opening needs communes and a theme. */
    public Territory changeStatus(Scope scope, String territoryId, TerritoryStatus status) {
        requireNational(scope);
        Territory territory = find(scope, territoryId).orElseThrow(ChangeRefused::notFound);
        if (status == null || !territory.getStatus().next().contains(status)) {
            throw new ChangeRefused("territory.status", territory.getStatus().name(), String.valueOf(status));
        }
        if (status == TerritoryStatus.OPEN) {
            if (territory.getActiveThemes().isEmpty()) {
                throw new ChangeRefused("territory.no-theme");
            }
            checkNoOverlap(territory.getId(), territory.getCommunes());
        }
        territory.setStatus(status);
        territory.setUpdatedAt(clock.instant());
        return territories.save(territory);
    }

    /** The communes of a territory, by name, for its page. */
    public List<Commune> communesOf(Territory territory) {
        return territory.getCommunes().stream().map(groups::commune).flatMap(Optional::stream)
                .sorted(Comparator.comparing(Commune::name)).toList();
    }

    /** The intercommunalities to choose from for a department. */
    public List<Epci> epcisOfDepartement(String departement) {
        return groups.epcisOfDepartement(departement);
    }

    public Optional<Epci> epci(String siren) {
        return groups.epci(siren);
    }

    /** The themes a territory may activate, in their order. */
    public List<Theme> themes() {
        return themes.findAllByOrderByPositionAsc();
    }

    private void apply(Territory territory, Draft draft) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new ChangeRefused("territory.name");
        }
        List<String> communes = resolve(draft.composition());
        checkNoOverlap(territory.getId(), communes);
        Set<String> known = themes.findAll().stream().map(Theme::getId).collect(Collectors.toSet());
        List<String> chosenThemes = draft.themes() == null ? List.of() : draft.themes().stream().distinct().toList();
        List<String> unknownThemes = chosenThemes.stream().filter(t -> !known.contains(t)).toList();
        if (!unknownThemes.isEmpty()) {
            throw new ChangeRefused("territory.theme", String.join(", ", unknownThemes));
        }
        List<InfoJeunesEntry> contacts = draft.infoJeunes() == null ? List.of() : draft.infoJeunes();
        for (InfoJeunesEntry contact : contacts) {
            if (contact.name() == null || contact.name().isBlank()) {
                throw new ChangeRefused("territory.info-jeunes.name");
            }
            if (isBlank(contact.phone()) && isBlank(contact.email()) && isBlank(contact.website())) {
                throw new ChangeRefused("territory.info-jeunes.reach", contact.name());
            }
        }
        TerritoryContact contact = contact(draft.contact());
        String departement = mainDepartement(communes);
        contacts = contacts.stream().map(c -> c.departement() != null || c.region() != null ? c
                : new InfoJeunesEntry(c.name(), c.phone(), c.email(), c.website(), departement, null)).toList();
        territory.setName(name);
        territory.setComposition(draft.composition());
        territory.setCommunes(communes);
        territory.setActiveThemes(chosenThemes);
        territory.setInfoJeunes(contacts);
        territory.setContact(contact);
        territory.setUpdatedAt(clock.instant());
    }

    /** The territory's own contact: none when nothing is typed; else a name and a phone the bot can give. */
    private static TerritoryContact contact(TerritoryContact typed) {
        if (typed == null || isBlank(typed.name()) && isBlank(typed.phone()) && isBlank(typed.hours())) {
            return null;
        }
        if (isBlank(typed.name())) {
            throw new ChangeRefused("territory.contact.name");
        }
        if (isBlank(typed.phone())) {
            throw new ChangeRefused("territory.contact.phone", typed.name().strip());
        }
        return new TerritoryContact(typed.name().strip(), typed.phone().strip(), isBlank(typed.hours()) ? null : typed.hours().strip());
    }

    /** The INSEE codes of the communes the composition names; refuses unknown codes, listing them. */
    List<String> resolve(Composition composition) {
        if (composition == null || composition.codes().isEmpty()) {
            throw new ChangeRefused("territory.no-commune");
        }
        Set<String> communes = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String raw : composition.codes()) {
            String code = raw.strip().toUpperCase(java.util.Locale.ROOT);
            switch (composition.kind()) {
                case DEPARTEMENTS -> {
                    List<Commune> found = DEPARTEMENT.matcher(code).matches() ? groups.ofDepartement(code) : List.of();
                    if (found.isEmpty()) {
                        unknown.add(raw);
                    }
                    found.forEach(c -> communes.add(c.insee()));
                }
                case EPCIS -> groups.epci(code).ifPresentOrElse(e -> communes.addAll(e.communes()), () -> unknown.add(raw));
                case COMMUNES -> groups.commune(code).ifPresentOrElse(c -> communes.add(c.insee()), () -> unknown.add(raw));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ChangeRefused("territory.unknown." + composition.kind().name().toLowerCase(java.util.Locale.ROOT),
                    String.join(", ", unknown.stream().limit(SHOWN).toList()));
        }
        return communes.stream().sorted().toList();
    }

    /** The department most of the communes are in: where a contact given without an area serves. */
    private static String mainDepartement(List<String> communes) {
        return communes.stream().collect(Collectors.groupingBy(Geography::departementOf, Collectors.counting()))
                .entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).orElse(null);
    }

    /** No commune in two territories that answer (or are being prepared to). */
    private void checkNoOverlap(String territoryId, List<String> communes) {
        Set<String> mine = Set.copyOf(communes);
        for (Territory other : territories.findAll()) {
            if (other.getId().equals(territoryId) || other.getStatus() == TerritoryStatus.CLOSED) {
                continue;
            }
            List<String> shared = other.getCommunes().stream().filter(mine::contains).sorted().toList();
            if (!shared.isEmpty()) {
                throw new ChangeRefused("territory.overlap", other.getName(), String.valueOf(shared.size()),
                        String.join(", ", shared.stream().limit(SHOWN).toList()));
            }
        }
    }

    private static void requireNational(Scope scope) {
        if (!(scope instanceof Scope.National)) {
            throw ChangeRefused.notFound();
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
