package fr.boussole.store.organisation;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.place.CommuneGroups;
import fr.boussole.store.access.ChangeRefused;
import fr.boussole.store.scope.Scope;
import fr.boussole.store.geo.Geography;
import fr.boussole.store.territory.Territories;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Organisations as the console reads and changes them, always within a {@link Scope}: an administrator
 * every one, an animateur those of their territory (which their new organisations join), a professional
 * their own (read only). An organisation needs a name, a type, a competence whose codes exist, and at
 * least one contact who gets the alerts of new requests.
 */
@Service
public class OrganisationService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_TEXT = 200;

    private final Organisations organisations;
    private final Territories territories;
    private final CommuneGroups groups;
    private final Geography geography = Geography.france();
    private final Clock clock;

    OrganisationService(Organisations organisations, Territories territories, CommuneGroups groups, Clock clock) {
        this.organisations = organisations;
        this.territories = territories;
        this.groups = groups;
        this.clock = clock;
    }

    /** What an organisation is, as typed in the form or read from a CSV row. */
    public record Draft(String name, OrganisationType type, String address, String website, ScopeLevel competenceLevel,
                        List<String> competenceCodes, String territoryId, LocalDate charterSignedOn,
                        List<OrganisationContact> contacts) {}

    /** The organisations this scope covers, by name. */
    public List<Organisation> visibleTo(Scope scope) {
        List<Organisation> found = switch (scope) {
            case Scope.National n -> organisations.findAll();
            case Scope.OfTerritory t -> organisations.findByTerritoryId(t.territoryId());
            case Scope.OfOrganisation o -> organisations.findById(o.organisationId()).stream().toList();
            case Scope.Nowhere x -> List.of();
        };
        return found.stream().sorted(Comparator.comparing(Organisation::getName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The organisation, if this scope covers it; absent otherwise. */
    public Optional<Organisation> find(Scope scope, String organisationId) {
        if (organisationId == null) {
            return Optional.empty();
        }
        return organisations.findById(organisationId).filter(o -> covers(scope, o));
    }

    /** The organisations of a territory as its directory shows them. */
    public List<OrganisationView> directoryOf(String territoryId) {
        return organisations.findByTerritoryId(territoryId).stream().map(OrganisationService::view).toList();
    }

    /** The first contact that is not only an alert address is the public one. */
    private static OrganisationView view(Organisation o) {
        OrganisationContact main = o.getContacts().stream().filter(c -> !c.alerts()).findFirst()
                .orElse(o.getContacts().isEmpty() ? null : o.getContacts().getFirst());
        return new OrganisationView(o.getId(), o.getName(), o.getType() == null ? null : o.getType().name(),
                main == null ? null : main.email(), main == null ? null : main.phone(), o.alertEmails(), o.isActive());
    }

    /** True when {@code scope} may see and change this organisation. */
    public static boolean covers(Scope scope, Organisation organisation) {
        return switch (scope) {
            case Scope.National n -> true;
            case Scope.OfTerritory t -> t.territoryId().equals(organisation.getTerritoryId());
            case Scope.OfOrganisation o -> o.organisationId().equals(organisation.getId());
            case Scope.Nowhere x -> false;
        };
    }

    /** Creates an active organisation; an animateur's joins their territory. */
    public Organisation create(Scope scope, Draft draft) {
        return create(scope, draft, Ids.random("or"));
    }

    /** The same, with a chosen id (the demo data's fixed ids). */
    public Organisation create(Scope scope, Draft draft, String id) {
        requireEditor(scope);
        Organisation organisation = new Organisation(id, "", OrganisationType.OTHER, Competence.national());
        apply(scope, organisation, draft);
        return organisations.insert(organisation);
    }

    public Organisation update(Scope scope, String organisationId, Draft draft) {
        requireEditor(scope);
        Organisation organisation = find(scope, organisationId).orElseThrow(ChangeRefused::notFound);
        apply(scope, organisation, draft);
        return organisations.save(organisation);
    }

    /** An inactive organisation's offers are no longer shown to young people; its data is kept. */
    public Organisation setActive(Scope scope, String organisationId, boolean active) {
        requireEditor(scope);
        Organisation organisation = find(scope, organisationId).orElseThrow(ChangeRefused::notFound);
        organisation.setActive(active);
        organisation.setUpdatedAt(clock.instant());
        return organisations.save(organisation);
    }

    /**
     * The organisation a draft describes, checked and normalised as {@link #create} and {@link #update} would,
     * without writing anything: the CSV import's validation and its "unchanged" comparison.
     */
    public Organisation preview(Scope scope, Draft draft) {
        requireEditor(scope);
        Organisation organisation = new Organisation("preview", "", OrganisationType.OTHER, Competence.national());
        apply(scope, organisation, draft);
        return organisation;
    }

    private void apply(Scope scope, Organisation organisation, Draft draft) {
        String name = strip(draft.name());
        if (name == null || name.length() > MAX_TEXT) {
            throw new ChangeRefused("organisation.name");
        }
        if (draft.type() == null) {
            throw new ChangeRefused("organisation.type");
        }
        String territoryId = switch (scope) {
            case Scope.OfTerritory t -> t.territoryId();
            default -> strip(draft.territoryId());
        };
        if (territoryId != null && !territories.existsById(territoryId)) {
            throw new ChangeRefused("organisation.territory", territoryId);
        }
        Competence competence = competence(scope, draft.competenceLevel(), draft.competenceCodes(), territoryId);
        List<OrganisationContact> contacts = contacts(draft.contacts());
        organisation.setName(name);
        organisation.setType(draft.type());
        organisation.setAddress(limited(draft.address(), "organisation.address"));
        organisation.setWebsite(limited(draft.website(), "organisation.website"));
        organisation.setTerritoryId(territoryId);
        organisation.setCompetence(competence);
        organisation.setCharterSignedOn(draft.charterSignedOn());
        organisation.setContacts(contacts);
        organisation.setUpdatedAt(clock.instant());
    }

    private Competence competence(Scope scope, ScopeLevel level, List<String> typedCodes, String territoryId) {
        if (level == null) {
            throw new ChangeRefused("organisation.competence");
        }
        List<String> codes = typedCodes == null ? List.of()
                : typedCodes.stream().map(String::strip).filter(c -> !c.isEmpty())
                        // territory ids are as created; INSEE codes ("2a004") and departments ("2a") in capitals
                        .map(c -> level == ScopeLevel.TERRITORY ? c : c.toUpperCase(Locale.ROOT)).distinct().toList();
        if (level == ScopeLevel.TERRITORY && codes.isEmpty() && territoryId != null) {
            codes = List.of(territoryId);
        }
        if (level != ScopeLevel.NATIONAL && codes.isEmpty()) {
            throw new ChangeRefused("organisation.competence-codes");
        }
        List<String> unknown = new ArrayList<>();
        for (String code : codes) {
            boolean known = switch (level) {
                case NATIONAL -> true;
                case REGION -> geography.isRegion(code);
                case DEPARTEMENT -> geography.isDepartement(code);
                case TERRITORY -> territories.existsById(code) && (!(scope instanceof Scope.OfTerritory t)
                        || t.territoryId().equals(code));
                case COMMUNES -> groups.commune(code).isPresent();
            };
            if (!known) {
                unknown.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ChangeRefused("organisation.competence-unknown", String.join(", ", unknown.stream().limit(10).toList()));
        }
        return new Competence(level, level == ScopeLevel.NATIONAL ? List.of() : codes);
    }

    private static List<OrganisationContact> contacts(List<OrganisationContact> typed) {
        List<OrganisationContact> contacts = new ArrayList<>();
        for (OrganisationContact c : typed == null ? List.<OrganisationContact>of() : typed) {
            String name = strip(c.name());
            String email = strip(c.email());
            String phone = strip(c.phone());
            if (name == null && email == null && phone == null) {
                continue;
            }
            if (Stream.of(name, strip(c.role()), phone, email).anyMatch(f -> f != null && (f.contains(";") || f.contains("|")))) {
                // the CSV writes contacts in one cell with these separators
                throw new ChangeRefused("organisation.contact-separator");
            }
            if (email != null && !EMAIL.matcher(email).matches()) {
                throw new ChangeRefused("organisation.contact-email", email);
            }
            if (c.alerts() && email == null) {
                throw new ChangeRefused("organisation.alert-without-email", name == null ? "" : name);
            }
            contacts.add(new OrganisationContact(name, strip(c.role()), phone, email == null ? null : email.toLowerCase(Locale.ROOT),
                    c.alerts()));
        }
        if (contacts.stream().noneMatch(OrganisationContact::alerts)) {
            throw new ChangeRefused("organisation.no-alert-contact");
        }
        return contacts;
    }

    private static void requireEditor(Scope scope) {
        if (!(scope instanceof Scope.National) && !(scope instanceof Scope.OfTerritory)) {
            throw ChangeRefused.notFound();
        }
    }

    private static String limited(String value, String code) {
        String stripped = strip(value);
        if (stripped != null && stripped.length() > MAX_TEXT) {
            throw new ChangeRefused(code);
        }
        return stripped;
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
