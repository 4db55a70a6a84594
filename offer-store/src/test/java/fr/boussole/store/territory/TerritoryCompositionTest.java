package fr.boussole.store.territory;

import fr.boussole.core.offer.TerritoryDirectory;
import fr.boussole.store.access.ChangeRefused;
import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.scope.Scope;
import fr.boussole.store.theme.ThemeSeeder;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A territory is drawn from departments, intercommunalities or communes (the real data shipped in the
 * dialogs module), never shares a commune with another territory that is not closed, and answers young
 * people only once open.
 */
class TerritoryCompositionTest extends StoreIntegrationTest {

    /** Current communes of the Aveyron in @etalab/decoupage-administratif 6.0.0. */
    private static final int AVEYRON_COMMUNES = 285;
    private static final String RODEZ = "12202";
    private static final String RODEZ_AGGLOMERATION = "241200187";

    @Autowired
    TerritoryService service;
    @Autowired
    TerritoryDirectory directory;
    @Autowired
    ThemeSeeder themes;

    @BeforeEach
    void themesExist() {
        themes.seed();
    }

    @Test
    void a_department_gives_all_its_current_communes() {
        Territory aveyron = service.create(Scope.NATIONAL, draft("Boussole de l'Aveyron", Composition.Kind.DEPARTEMENTS, "12"));

        assertThat(aveyron.getCommunes()).hasSize(AVEYRON_COMMUNES).contains(RODEZ).allMatch(c -> c.startsWith("12"));
        assertThat(aveyron.getStatus()).isEqualTo(TerritoryStatus.IN_PREPARATION);
        assertThat(aveyron.getComposition()).isEqualTo(new Composition(Composition.Kind.DEPARTEMENTS, List.of("12")));
    }

    @Test
    void an_intercommunality_gives_its_members() {
        Territory rodez = service.create(Scope.NATIONAL, draft("Boussole du Grand Rodez", Composition.Kind.EPCIS, RODEZ_AGGLOMERATION));

        assertThat(rodez.getCommunes()).contains(RODEZ).hasSizeBetween(5, 20);
        assertThat(service.epcisOfDepartement("12")).extracting(e -> e.siren()).contains(RODEZ_AGGLOMERATION);
    }

    @Test
    void unknown_codes_are_named_and_nothing_is_saved() {
        assertThatThrownBy(() -> service.create(Scope.NATIONAL, draft("X", Composition.Kind.COMMUNES, RODEZ + " 99999 abc")))
                .isInstanceOf(ChangeRefused.class)
                .satisfies(e -> assertThat(((ChangeRefused) e).arguments()).containsExactly("99999, abc"));
        assertThatThrownBy(() -> service.create(Scope.NATIONAL, draft("X", Composition.Kind.DEPARTEMENTS, "100")))
                .hasMessageContaining("territory.unknown.departements");
        assertThatThrownBy(() -> service.create(Scope.NATIONAL, draft("X", Composition.Kind.EPCIS, "123")))
                .hasMessageContaining("territory.unknown.epcis");
        assertThat(service.visibleTo(Scope.NATIONAL)).isEmpty();
    }

    @Test
    void two_territories_that_are_not_closed_share_no_commune() {
        Territory aveyron = service.create(Scope.NATIONAL, draft("Boussole de l'Aveyron", Composition.Kind.DEPARTEMENTS, "12"));
        assertThatThrownBy(() -> service.create(Scope.NATIONAL, draft("Rodez", Composition.Kind.COMMUNES, RODEZ)))
                .hasMessageContaining("territory.overlap");

        service.changeStatus(Scope.NATIONAL, aveyron.getId(), TerritoryStatus.OPEN);
        service.changeStatus(Scope.NATIONAL, aveyron.getId(), TerritoryStatus.CLOSED);
        Territory rodez = service.create(Scope.NATIONAL, draft("Rodez", Composition.Kind.COMMUNES, RODEZ));
        service.changeStatus(Scope.NATIONAL, rodez.getId(), TerritoryStatus.OPEN);
        assertThatThrownBy(() -> service.changeStatus(Scope.NATIONAL, aveyron.getId(), TerritoryStatus.OPEN))
                .as("reopening the Aveyron would take Rodez twice").hasMessageContaining("territory.overlap");
    }

    @Test
    void the_bot_answers_in_a_territory_only_once_it_is_open() {
        Territory aveyron = service.create(Scope.NATIONAL, draft("Boussole de l'Aveyron", Composition.Kind.DEPARTEMENTS, "12"));
        assertThat(directory.openTerritoryFor(RODEZ)).as("in preparation").isEmpty();

        service.changeStatus(Scope.NATIONAL, aveyron.getId(), TerritoryStatus.OPEN);
        assertThat(directory.openTerritoryFor(RODEZ)).hasValueSatisfying(t -> {
            assertThat(t.id()).isEqualTo(aveyron.getId());
            assertThat(t.activeThemes()).extracting(theme -> theme.id()).containsExactly("emploi", "logement");
        });

        service.changeStatus(Scope.NATIONAL, aveyron.getId(), TerritoryStatus.CLOSED);
        assertThat(directory.openTerritoryFor(RODEZ)).as("closed").isEmpty();
    }

    @Test
    void statuses_move_in_order_and_opening_needs_a_theme() {
        Territory bare = service.create(Scope.NATIONAL, new TerritoryService.Draft("Sans thème",
                new Composition(Composition.Kind.COMMUNES, List.of(RODEZ)), List.of(), List.of(), null));
        assertThatThrownBy(() -> service.changeStatus(Scope.NATIONAL, bare.getId(), TerritoryStatus.OPEN))
                .hasMessageContaining("territory.no-theme");
        assertThatThrownBy(() -> service.changeStatus(Scope.NATIONAL, bare.getId(), TerritoryStatus.CLOSED))
                .hasMessageContaining("territory.status");
    }

    @Test
    void only_an_administrator_creates_or_changes_territories() {
        Territory aveyron = service.create(Scope.NATIONAL, draft("Boussole de l'Aveyron", Composition.Kind.DEPARTEMENTS, "12"));
        Scope animateur = new Scope.OfTerritory(aveyron.getId());

        assertThat(service.find(animateur, aveyron.getId())).isPresent();
        assertThatThrownBy(() -> service.changeStatus(animateur, aveyron.getId(), TerritoryStatus.OPEN))
                .matches(e -> ((ChangeRefused) e).notFoundCase());
        assertThatThrownBy(() -> service.create(animateur, draft("Mien", Composition.Kind.COMMUNES, "46042")))
                .matches(e -> ((ChangeRefused) e).notFoundCase());
        assertThat(service.find(new Scope.OfTerritory("te_other"), aveyron.getId())).isEmpty();
    }

    @Test
    void info_jeunes_contacts_without_an_area_serve_the_territory_department() {
        Territory aveyron = service.create(Scope.NATIONAL, new TerritoryService.Draft("Boussole de l'Aveyron",
                new Composition(Composition.Kind.EPCIS, List.of(RODEZ_AGGLOMERATION)), List.of("emploi"),
                List.of(new InfoJeunesEntry("PIJ de Rodez (fictif)", "01 99 00 12 00", null, null, null, null)), null));

        assertThat(aveyron.getInfoJeunes()).singleElement().satisfies(e -> assertThat(e.departement()).isEqualTo("12"));
    }

    @Test
    void the_territory_contact_is_what_the_bot_gives_its_young_people_and_needs_a_phone() {
        var typed = new TerritoryContact(" PIJ de Rodez (fictif) ", "01 99 00 12 01", "");
        var base = draft("Boussole de l'Aveyron", Composition.Kind.COMMUNES, RODEZ);
        Territory aveyron = service.create(Scope.NATIONAL, new TerritoryService.Draft(base.name(), base.composition(),
                base.themes(), List.of(), typed));
        service.changeStatus(Scope.NATIONAL, aveyron.getId(), TerritoryStatus.OPEN);

        assertThat(directory.openTerritoryFor(RODEZ)).get().satisfies(view -> {
            assertThat(view.contact().name()).isEqualTo("PIJ de Rodez (fictif)");
            assertThat(view.contact().phone()).isEqualTo("01 99 00 12 01");
        });
        assertThatThrownBy(() -> service.update(Scope.NATIONAL, aveyron.getId(), new TerritoryService.Draft(base.name(),
                base.composition(), base.themes(), List.of(), new TerritoryContact("PIJ", " ", null))))
                .hasMessageContaining("territory.contact.phone");
        Territory without = service.update(Scope.NATIONAL, aveyron.getId(), new TerritoryService.Draft(base.name(),
                base.composition(), base.themes(), List.of(), new TerritoryContact("", null, " ")));
        assertThat(without.getContact()).isNull();
    }

    private static TerritoryService.Draft draft(String name, Composition.Kind kind, String codes) {
        return new TerritoryService.Draft(name, new Composition(kind, List.of(codes.split(" "))), List.of("emploi", "logement"),
                List.of(), null);
    }
}
