package fr.boussole.store.territory;

import fr.boussole.store.directory.StoreTerritoryDirectory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.core.offer.InfoJeunesContact;
import fr.boussole.core.place.Commune;
import fr.boussole.store.StoreIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InfoJeunesContactsTest extends StoreIntegrationTest {

    static final Commune TOULOUSE = new Commune("31555", "Toulouse", List.of("31000"), "31", "76", 500000);
    static final Commune ALBI = new Commune("81004", "Albi", List.of("81000"), "81", "76", 50000);
    static final Commune RENNES = new Commune("35238", "Rennes", List.of("35000"), "35", "53", 220000);
    static final Commune NOUMEA = new Commune("98818", "Nouméa", List.of("98800"), "988", "988", 90000);

    @Autowired StoreTerritoryDirectory directory;
    @Autowired Territories territories;

    @Test
    void a_territory_recommendation_for_the_department_comes_before_the_region_one() {
        Territory territory = new Territory("te_x", "Boussole X", TerritoryStatus.OPEN);
        territory.setInfoJeunes(List.of(
                new InfoJeunesEntry("PIJ Toulouse", "01", "pij@example.org", null, "31", null),
                new InfoJeunesEntry("CRIJ Occitanie", "02", "crij@example.org", null, null, "76")));
        territories.save(territory);

        assertThat(directory.infoJeunesFor(TOULOUSE)).extracting(InfoJeunesContact::name).containsExactly("PIJ Toulouse");
        assertThat(directory.infoJeunesFor(ALBI)).extracting(InfoJeunesContact::name).containsExactly("CRIJ Occitanie");
    }

    @Test
    void without_a_recommendation_the_built_in_regional_contact_is_given() {
        assertThat(directory.infoJeunesFor(RENNES)).singleElement()
                .satisfies(c -> assertThat(c.name()).contains("Bretagne"));
        assertThat(directory.infoJeunesFor(NOUMEA)).singleElement()
                .satisfies(c -> assertThat(c.name()).contains("national"));
    }

    @Test
    void a_territory_in_preparation_does_not_answer() {
        Territory territory = new Territory("te_x", "Boussole X", TerritoryStatus.IN_PREPARATION);
        territory.setCommunes(List.of("31555"));
        territories.save(territory);
        assertThat(directory.openTerritoryFor("31555")).isEmpty();
        territory.setStatus(TerritoryStatus.OPEN);
        territories.save(territory);
        assertThat(directory.openTerritoryFor("31555")).get().extracting(v -> v.id()).isEqualTo("te_x");
    }
}
