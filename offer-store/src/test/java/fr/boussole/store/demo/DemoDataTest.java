package fr.boussole.store.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.core.offer.MatchQuery;
import fr.boussole.core.offer.OfferSummary;
import fr.boussole.core.offer.TerritoryView;
import fr.boussole.core.offer.ThemeRef;
import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.account.Account;
import fr.boussole.store.account.AccountRole;
import fr.boussole.store.account.Accounts;
import fr.boussole.store.matching.StoreCatalog;
import fr.boussole.store.offer.Criterion;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.directory.StoreTerritoryDirectory;
import fr.boussole.store.territory.Territories;
import fr.boussole.store.territory.Territory;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The demo data set keeps each promise of CONTRACT.md "Demo data". */
class DemoDataTest extends StoreIntegrationTest {

    static final List<String> THEMES = List.of("emploi", "formation", "logement", "sante", "mobilite-internationale");

    @Autowired DemoDataLoader loader;
    @Autowired Territories territories;
    @Autowired Organisations organisations;
    @Autowired Offers offers;
    @Autowired Accounts accounts;
    @Autowired StoreCatalog catalog;
    @Autowired StoreTerritoryDirectory directory;

    @BeforeEach
    void load() {
        assertThat(loader.loadIfEmpty()).isTrue();
    }

    @Test
    void one_open_territory_covers_every_commune_of_the_lot_with_the_five_themes() {
        List<Territory> all = territories.findAll();
        assertThat(all).hasSize(1);
        Territory lot = all.getFirst();
        assertThat(lot.isOpen()).isTrue();
        assertThat(lot.getCommunes()).hasSize(312).allMatch(c -> c.startsWith("46"))
                .contains("46001", "46042", "46102", "46127", "46339");
        TerritoryView view = directory.openTerritoryFor("46042").orElseThrow();
        assertThat(view.name()).isEqualTo("Boussole du Lot");
        assertThat(view.activeThemes()).extracting(ThemeRef::id).containsExactlyElementsOf(THEMES);
        assertThat(directory.openTerritoryFor("31555")).isEmpty();
    }

    @Test
    void each_theme_has_three_active_offers_from_two_organisations_with_delays_of_one_to_seven_days() {
        Map<String, List<Offer>> byTheme = offers.findByStatus(OfferStatus.ACTIVE).stream()
                .collect(Collectors.groupingBy(Offer::getTheme));
        for (String theme : THEMES) {
            List<Offer> ofTheme = byTheme.getOrDefault(theme, List.of());
            assertThat(ofTheme).as(theme).hasSizeGreaterThanOrEqualTo(3);
            assertThat(ofTheme.stream().map(Offer::getOrganisationId).distinct()).as(theme).hasSizeGreaterThanOrEqualTo(2);
            assertThat(ofTheme).allSatisfy(o -> assertThat(o.getContactDelayDays()).isBetween(1, 7));
        }
    }

    @Test
    void each_theme_has_an_offer_for_everyone_aged_16_to_30_whatever_the_answers_in_every_commune() {
        // answers that no criterion accepts: only offers without criteria can match
        Map<String, Set<String>> unlikely = new HashMap<>();
        offers.findAll().forEach(o -> o.getCriteria().stream().map(Criterion::questionId)
                .forEach(q -> unlikely.put(q, Set.of("none-of-the-listed-values"))));
        Territory lot = territories.findAll().getFirst();
        for (String theme : THEMES) {
            for (int age = 16; age <= 30; age++) {
                for (String commune : lot.getCommunes()) {
                    List<OfferSummary> found = catalog.match(new MatchQuery(lot.getId(), theme, commune, age, unlikely,
                            LocalDate.of(2026, 11, 23), "seed"));
                    assertThat(found).as(theme + " at " + age + " in " + commune).isNotEmpty();
                }
            }
        }
    }

    @Test
    void with_ordinary_answers_the_bot_finds_several_offers_in_cahors() {
        List<OfferSummary> found = catalog.match(new MatchQuery("te_lot", "emploi", "46042", 19,
                Map.of("situation", Set.of("sans-activite"), "type-emploi", Set.of("saisonnier")),
                LocalDate.of(2026, 11, 23), "seed"));
        assertThat(found).hasSizeGreaterThanOrEqualTo(3);
        assertThat(found).allSatisfy(o -> assertThat(o.summary()).isNotBlank());
    }

    @Test
    void one_animateur_and_one_professional_per_organisation_sign_in_with_the_demo_password() {
        List<Account> all = accounts.findAll();
        List<Organisation> orgs = organisations.findAll();
        assertThat(all.stream().filter(a -> a.getRole() == AccountRole.ANIMATEUR))
                .singleElement().extracting(Account::getTerritoryId).isEqualTo("te_lot");
        assertThat(all.stream().filter(a -> a.getRole() == AccountRole.PROFESSIONAL).map(Account::getOrganisationId))
                .containsExactlyInAnyOrderElementsOf(orgs.stream().map(Organisation::getId).toList());
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        assertThat(all).allSatisfy(a -> {
            assertThat(a.getPasswordHash()).startsWith("{bcrypt}");
            assertThat(encoder.matches(DemoDataProperties.DEFAULT_PASSWORD, a.getPasswordHash())).isTrue();
        });
        assertThat(orgs).allSatisfy(o -> assertThat(o.alertEmails()).isNotEmpty()
                .allMatch(e -> e.endsWith(".example.org")));
    }

    @Test
    void loading_again_changes_nothing() {
        long offerCount = offers.count();
        assertThat(loader.loadIfEmpty()).isFalse();
        assertThat(offers.count()).isEqualTo(offerCount);
        assertThat(territories.count()).isEqualTo(1);
    }
}
