package fr.boussole.store.demo;

import fr.boussole.store.account.Account;
import fr.boussole.store.account.Accounts;
import fr.boussole.store.csv.CsvReader;
import fr.boussole.store.csv.ImportOptions;
import fr.boussole.store.csv.ImportProgress;
import fr.boussole.store.csv.ImportReport;
import fr.boussole.store.csv.OfferImport;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Competence;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationContact;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.organisation.ScopeLevel;
import fr.boussole.store.territory.InfoJeunesEntry;
import fr.boussole.store.territory.TerritoryContact;
import fr.boussole.store.territory.Territories;
import fr.boussole.store.territory.Territory;
import fr.boussole.store.territory.TerritoryStatus;
import fr.boussole.store.theme.ThemeSeeder;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
 * Loads the demo data set ({@code store/demo/*}) when {@code boussole.demo-data=true} and the store
 * holds no territory, organisation or offer: the Lot territory, its organisations with one
 * professional account each, an animateur, and the offers (through the CSV import, so the demo file
 * is checked by the same rules as an animateur's). Ids are fixed: loading twice changes nothing.
 */
@Component
@Order(10)
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String BASE = "store/demo/";

    private final DemoDataProperties properties;
    private final ThemeSeeder themes;
    private final Territories territories;
    private final Organisations organisations;
    private final Accounts accounts;
    private final Offers offers;
    private final OfferImport offerImport;
    private final Clock clock;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    DemoDataLoader(DemoDataProperties properties, ThemeSeeder themes, Territories territories,
                   Organisations organisations, Accounts accounts, Offers offers, OfferImport offerImport,
                   Clock clock) {
        this.properties = properties;
        this.themes = themes;
        this.territories = territories;
        this.organisations = organisations;
        this.accounts = accounts;
        this.offers = offers;
        this.offerImport = offerImport;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demoData()) {
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
        String passwordHash = passwords.encode(properties.demoPassword());
        Map<String, Object> territoryFile = yaml("territory.yaml");
        Territory territory = territory(map(territoryFile.get("territory")));
        Map<String, Object> animateur = map(territoryFile.get("animateur"));
        territory.setAnimateurIds(List.of(str(animateur, "id")));
        territories.save(territory);
        accounts.save(Account.animateur(str(animateur, "id"), str(animateur, "email"), str(animateur, "displayName"),
                territory.getId(), passwordHash));
        for (Object item : list(yaml("organisations.yaml").get("organisations"))) {
            Map<String, Object> entry = map(item);
            Organisation organisation = organisation(entry, territory.getId());
            organisations.save(organisation);
            Map<String, Object> account = map(entry.get("account"));
            accounts.save(Account.professional(str(account, "id"), str(account, "email"), str(account, "displayName"),
                    organisation.getId(), passwordHash));
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

    private Territory territory(Map<String, Object> data) {
        Territory territory = new Territory(str(data, "id"), str(data, "name"),
                TerritoryStatus.valueOf(str(data, "status")));
        territory.setCommunes(communes(str(data, "communes")));
        territory.setActiveThemes(strings(data.get("activeThemes")));
        List<InfoJeunesEntry> infoJeunes = new ArrayList<>();
        for (Object item : list(data.get("infoJeunes"))) {
            Map<String, Object> e = map(item);
            infoJeunes.add(new InfoJeunesEntry(str(e, "name"), str(e, "phone"), str(e, "email"), str(e, "website"),
                    str(e, "departement"), str(e, "region")));
        }
        territory.setInfoJeunes(infoJeunes);
        if (data.get("contact") != null) {
            Map<String, Object> contact = map(data.get("contact"));
            territory.setContact(new TerritoryContact(str(contact, "name"), str(contact, "phone"), str(contact, "hours")));
        }
        territory.setUpdatedAt(clock.instant());
        return territory;
    }

    private Organisation organisation(Map<String, Object> data, String territoryId) {
        Map<String, Object> competence = map(data.get("competence"));
        Organisation organisation = new Organisation(str(data, "id"), str(data, "name"),
                OrganisationType.valueOf(str(data, "type")),
                new Competence(ScopeLevel.valueOf(str(competence, "level")), strings(competence.get("codes"))));
        organisation.setAddress(str(data, "address"));
        organisation.setWebsite(str(data, "website"));
        organisation.setTerritoryId(territoryId);
        Object signed = data.get("charterSignedOn");
        organisation.setCharterSignedOn(signed instanceof Date date
                ? LocalDate.ofInstant(date.toInstant(), java.time.ZoneOffset.UTC)
                : signed == null ? null : LocalDate.parse(signed.toString()));
        List<OrganisationContact> contacts = new ArrayList<>();
        for (Object item : list(data.get("contacts"))) {
            Map<String, Object> c = map(item);
            contacts.add(new OrganisationContact(str(c, "name"), str(c, "role"), str(c, "phone"), str(c, "email"),
                    Boolean.TRUE.equals(c.get("alerts"))));
        }
        organisation.setContacts(contacts);
        organisation.setUpdatedAt(clock.instant());
        return organisation;
    }

    private static List<String> communes(String resource) {
        try (Reader in = reader(resource)) {
            List<List<String>> rows = CsvReader.readAll(in);
            return rows.subList(1, rows.size()).stream().map(row -> row.getFirst()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
