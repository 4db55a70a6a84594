package fr.boussole.store.demo;

import fr.boussole.store.account.AccountRole;
import fr.boussole.store.account.AccountService;
import fr.boussole.store.account.Invitations;
import fr.boussole.store.scope.Scope;
import fr.boussole.store.csv.ImportOptions;
import fr.boussole.store.csv.ImportProgress;
import fr.boussole.store.csv.ImportReport;
import fr.boussole.store.csv.OfferImport;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationContact;
import fr.boussole.store.organisation.OrganisationService;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.organisation.ScopeLevel;
import fr.boussole.store.territory.Composition;
import fr.boussole.store.territory.InfoJeunesEntry;
import fr.boussole.store.territory.TerritoryContact;
import fr.boussole.store.territory.Territories;
import fr.boussole.store.territory.Territory;
import fr.boussole.store.territory.TerritoryService;
import fr.boussole.store.territory.TerritoryStatus;
import fr.boussole.store.theme.ThemeSeeder;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads the demo data set ({@code store/demo/*}) when {@code boussole.store.demo.enabled=true} and the store
 * holds no territory, organisation or offer: the Lot territory, its organisations with one
 * professional account each, an animateur, and the offers. Everything goes through the services the
 * console uses (territory, organisation and account services, the CSV import), so the demo files are
 * checked by the same rules as what an administrator or an animateur types; accounts are invited and
 * their link spent with the demo password. Ids are fixed: loading twice changes nothing.
 */
@Component
@Order(10)
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String BASE = "store/demo/";

    /** The audit trail of the services names this as the author of the demo data. */
    private static final String AUTHOR = "demo";

    private final DemoDataProperties properties;
    private final ThemeSeeder themes;
    private final Territories territories;
    private final Organisations organisations;
    private final Offers offers;
    private final TerritoryService territoryService;
    private final OrganisationService organisationService;
    private final AccountService accountService;
    private final Invitations invitations;
    private final OfferImport offerImport;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    DemoDataLoader(DemoDataProperties properties, ThemeSeeder themes, Territories territories,
                   Organisations organisations, Offers offers, TerritoryService territoryService,
                   OrganisationService organisationService, AccountService accountService, Invitations invitations,
                   OfferImport offerImport) {
        this.properties = properties;
        this.themes = themes;
        this.territories = territories;
        this.organisations = organisations;
        this.offers = offers;
        this.territoryService = territoryService;
        this.organisationService = organisationService;
        this.accountService = accountService;
        this.invitations = invitations;
        this.offerImport = offerImport;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled()) {
            loadIfEmpty();
        }
    }

    /** The emails of the demo accounts (the animateur's and each organisation's), as the demo files name them. */
    public static List<String> accountEmails() {
        List<String> emails = new java.util.ArrayList<>();
        emails.add(str(map(yaml("territory.yaml").get("animateur")), "email"));
        for (Object item : list(yaml("organisations.yaml").get("organisations"))) {
            emails.add(str(map(map(item).get("account")), "email"));
        }
        return emails;
    }

    /** Loads the demo data unless the store already holds territories, organisations or offers. */
    public boolean loadIfEmpty() {
        if (territories.count() > 0 || organisations.count() > 0 || offers.count() > 0) {
            log.info("Demo data not loaded: the store is not empty");
            return false;
        }
        themes.seed();
        String passwordHash = passwords.encode(properties.password());
        Map<String, Object> territoryFile = yaml("territory.yaml");
        Map<String, Object> territoryData = map(territoryFile.get("territory"));
        // through the console's own services: the demo data obeys the rules of what people type
        Territory territory = territoryService.create(Scope.NATIONAL, territory(territoryData), str(territoryData, "id"));
        if (TerritoryStatus.valueOf(str(territoryData, "status")) == TerritoryStatus.OPEN) {
            territoryService.changeStatus(Scope.NATIONAL, territory.getId(), TerritoryStatus.OPEN);
        }
        // the desk's office hours (a person who answers, issue 16) are edited on their own page, not in the draft
        String deskHours = str(territoryData, "deskHours");
        if (deskHours != null) {
            territories.findById(territory.getId()).ifPresent(stored -> {
                stored.setDeskHours(deskHours);
                territories.save(stored);
            });
        }
        Map<String, Object> animateur = map(territoryFile.get("animateur"));
        account(new AccountService.NewAccount(str(animateur, "email"), str(animateur, "displayName"), AccountRole.ANIMATEUR,
                territory.getId(), null), str(animateur, "id"), passwordHash);
        Scope ofTerritory = new Scope.OfTerritory(territory.getId());
        for (Object item : list(yaml("organisations.yaml").get("organisations"))) {
            Map<String, Object> entry = map(item);
            Organisation organisation = organisationService.create(ofTerritory, organisation(entry), str(entry, "id"));
            Map<String, Object> account = map(entry.get("account"));
            account(new AccountService.NewAccount(str(account, "email"), str(account, "displayName"),
                    AccountRole.PROFESSIONAL, null, organisation.getId()), str(account, "id"), passwordHash);
        }
        ImportReport report;
        try (Reader csv = reader("offers.csv")) {
            report = offerImport.importOffers(csv, ImportOptions.any(false, "demo"), ImportProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!report.applied()) {
            throw new IllegalStateException("the demo offers do not pass the import checks: " + report.problems());
        }
        log.info("Demo data loaded: territory {}, {} organisations, {} offers", territory.getName(),
                organisations.count(), report.created());
        return true;
    }

    /** An account invited as anyone is, whose link the demo spends at once with the demo password. */
    private void account(AccountService.NewAccount request, String id, String passwordHash) {
        var invited = accountService.invite(Scope.NATIONAL, AUTHOR, request, id);
        invitations.accept(invited.token(), passwordHash);
    }

    private static TerritoryService.Draft territory(Map<String, Object> data) {
        List<InfoJeunesEntry> infoJeunes = new ArrayList<>();
        for (Object item : list(data.get("infoJeunes"))) {
            Map<String, Object> e = map(item);
            infoJeunes.add(new InfoJeunesEntry(str(e, "name"), str(e, "phone"), str(e, "email"), str(e, "website"),
                    str(e, "departement"), str(e, "region")));
        }
        TerritoryContact contact = null;
        if (data.get("contact") != null) {
            Map<String, Object> c = map(data.get("contact"));
            contact = new TerritoryContact(str(c, "name"), str(c, "phone"), str(c, "hours"));
        }
        return new TerritoryService.Draft(str(data, "name"),
                new Composition(Composition.Kind.DEPARTEMENTS, strings(data.get("departements"))),
                strings(data.get("activeThemes")), infoJeunes, contact);
    }

    private static OrganisationService.Draft organisation(Map<String, Object> data) {
        Map<String, Object> competence = map(data.get("competence"));
        Object signed = data.get("charterSignedOn");
        LocalDate charter = signed instanceof Date date ? LocalDate.ofInstant(date.toInstant(), java.time.ZoneOffset.UTC)
                : signed == null ? null : LocalDate.parse(signed.toString());
        List<OrganisationContact> contacts = new ArrayList<>();
        for (Object item : list(data.get("contacts"))) {
            Map<String, Object> c = map(item);
            contacts.add(new OrganisationContact(str(c, "name"), str(c, "role"), str(c, "phone"), str(c, "email"),
                    Boolean.TRUE.equals(c.get("alerts"))));
        }
        return new OrganisationService.Draft(str(data, "name"), OrganisationType.valueOf(str(data, "type")),
                str(data, "address"), str(data, "website"), ScopeLevel.valueOf(str(competence, "level")),
                strings(competence.get("codes")), null, charter, contacts);
    }

    private static Map<String, Object> yaml(String resource) {
        try (Reader in = reader(resource)) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader reader(String resource) {
        InputStream in = DemoDataLoader.class.getClassLoader().getResourceAsStream(BASE + resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + BASE + resource);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    private static String str(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null ? null : value.toString();
    }
}
