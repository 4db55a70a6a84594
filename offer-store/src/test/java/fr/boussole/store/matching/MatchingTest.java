package fr.boussole.store.matching;

import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.core.offer.MatchQuery;
import fr.boussole.core.offer.OfferSummary;
import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.offer.Criterion;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Competence;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.organisation.ScopeLevel;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MatchingTest extends StoreIntegrationTest {

    static final String CAHORS = "46042";
    static final String FIGEAC = "46102";
    static final String TOULOUSE = "31555";
    static final String BORDEAUX = "33063";
    static final String LOT_TERRITORY = "te_lot";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Autowired Offers offers;
    @Autowired Organisations organisations;
    @Autowired StoreCatalog catalog;

    @Test
    void each_scope_level_reaches_its_own_communes_only() {
        organisation("org_communes", new Competence(ScopeLevel.COMMUNES, List.of(FIGEAC)));
        organisation("org_territory", new Competence(ScopeLevel.TERRITORY, List.of(LOT_TERRITORY)));
        organisation("org_dep", new Competence(ScopeLevel.DEPARTEMENT, List.of("46")));
        organisation("org_region", new Competence(ScopeLevel.REGION, List.of("76")));
        organisation("org_national", Competence.national());
        organisation("org_elsewhere", new Competence(ScopeLevel.DEPARTEMENT, List.of("33")));
        offer("own_communes", "org_national", o -> o.setCommunes(List.of(CAHORS)));
        offer("by_communes", "org_communes", o -> {});
        offer("by_territory", "org_territory", o -> {});
        offer("by_dep", "org_dep", o -> {});
        offer("by_region", "org_region", o -> {});
        offer("national", "org_national", o -> {});
        offer("bordeaux", "org_elsewhere", o -> {});

        assertThat(ids(query(CAHORS, LOT_TERRITORY)))
                .containsExactlyInAnyOrder("own_communes", "by_territory", "by_dep", "by_region", "national");
        assertThat(ids(query(FIGEAC, LOT_TERRITORY)))
                .containsExactlyInAnyOrder("by_communes", "by_territory", "by_dep", "by_region", "national");
        assertThat(ids(query(TOULOUSE, null))).containsExactlyInAnyOrder("by_region", "national");
        assertThat(ids(query(BORDEAUX, null))).containsExactlyInAnyOrder("bordeaux", "national");
    }

    @Test
    void corsican_and_overseas_communes_find_their_department() {
        organisation("org_2a", new Competence(ScopeLevel.DEPARTEMENT, List.of("2A")));
        organisation("org_974", new Competence(ScopeLevel.REGION, List.of("04")));
        offer("ajaccio", "org_2a", o -> {});
        offer("reunion", "org_974", o -> {});

        assertThat(ids(query("2A004", null))).containsExactly("ajaccio");
        assertThat(ids(query("97411", null))).containsExactly("reunion");
    }

    @Test
    void every_criterion_must_accept_the_answers() {
        organisation("org", Competence.national());
        offer("students", "org", o -> o.setCriteria(List.of(new Criterion("situation", Set.of("etudiant", "lyceen")))));
        offer("two_criteria", "org", o -> o.setCriteria(List.of(
                new Criterion("situation", Set.of("etudiant")), new Criterion("permis-b", Set.of("oui")))));
        offer("any", "org", o -> o.setCriteria(List.of(new Criterion("situation", Set.of(Criterion.ANY)))));
        offer("languages", "org", o -> o.setCriteria(List.of(new Criterion("langues", Set.of("anglais", "espagnol")))));

        assertThat(ids(answers(Map.of("situation", Set.of("etudiant"), "permis-b", Set.of("non")))))
                .containsExactlyInAnyOrder("students", "any", "languages");
        assertThat(ids(answers(Map.of("situation", Set.of("salarie"), "permis-b", Set.of("oui")))))
                .containsExactlyInAnyOrder("any", "languages");
        // multiple choice: one value in common is enough; none excludes
        assertThat(ids(answers(Map.of("langues", Set.of("allemand", "espagnol"))))).contains("languages");
        assertThat(ids(answers(Map.of("langues", Set.of("allemand", "italien"))))).doesNotContain("languages");
        // an unanswered question (skipped by the questionnaire) does not exclude
        assertThat(ids(answers(Map.of()))).containsExactlyInAnyOrder("students", "two_criteria", "any", "languages");
        // "no preference" accepts
        assertThat(ids(answers(Map.of("situation", Set.of("ne-sait-pas"))))).contains("students", "two_criteria");
    }

    @Test
    void age_bounds_are_inclusive() {
        organisation("org", Competence.national());
        offer("16-25", "org", o -> {
            o.setAgeMin(16);
            o.setAgeMax(25);
        });
        assertThat(ids(age(15))).isEmpty();
        assertThat(ids(age(16))).containsExactly("16-25");
        assertThat(ids(age(25))).containsExactly("16-25");
        assertThat(ids(age(26))).isEmpty();
    }

    @Test
    void only_offers_valid_today_are_shown_both_ends_included() {
        organisation("org", Competence.national());
        offer("future", "org", o -> o.setValidFrom(TODAY.plusDays(1)));
        offer("from_today", "org", o -> o.setValidFrom(TODAY));
        offer("until_today", "org", o -> o.setValidUntil(TODAY));
        offer("expired", "org", o -> o.setValidUntil(TODAY.minusDays(1)));

        assertThat(ids(query(CAHORS, LOT_TERRITORY))).containsExactlyInAnyOrder("from_today", "until_today");
    }

    @Test
    void draft_and_archived_offers_and_inactive_organisations_are_not_shown() {
        organisation("org", Competence.national());
        Organisation closed = organisation("org_closed", Competence.national());
        offer("active", "org", o -> {});
        offer("draft", "org", o -> o.setStatus(OfferStatus.DRAFT));
        offer("archived", "org", o -> o.setStatus(OfferStatus.ARCHIVED));
        offer("of_closed_org", "org_closed", o -> {});
        offer("other_theme", "org", o -> o.setTheme("logement"));

        assertThat(ids(query(CAHORS, LOT_TERRITORY))).containsExactlyInAnyOrder("active", "of_closed_org");
        closed.setActive(false);
        organisations.save(closed);
        assertThat(ids(query(CAHORS, LOT_TERRITORY))).containsExactly("active");
        assertThat(catalog.offer("draft")).isEmpty();
        assertThat(catalog.offer("active")).get().extracting(d -> d.organisationName()).isEqualTo("org");
    }

    @Test
    void an_edit_is_seen_by_the_next_search() {
        organisation("org", Competence.national());
        Offer offer = offer("one", "org", o -> {});
        assertThat(ids(query(CAHORS, LOT_TERRITORY))).containsExactly("one");
        offer.setStatus(OfferStatus.ARCHIVED);
        offers.save(offer);
        assertThat(ids(query(CAHORS, LOT_TERRITORY))).isEmpty();
    }

    @Test
    void the_nearest_come_first_and_no_organisation_floods_the_list() {
        organisation("big", new Competence(ScopeLevel.DEPARTEMENT, List.of("46")));
        organisation("small", Competence.national());
        offer("big_1", "big", o -> {});
        offer("big_2", "big", o -> {});
        offer("big_3", "big", o -> o.setCommunes(List.of(CAHORS)));
        offer("small_1", "small", o -> {});

        List<String> ranked = ids(query(CAHORS, LOT_TERRITORY));
        assertThat(ranked.get(0)).isEqualTo("big_3");
        assertThat(ranked.get(1)).isEqualTo("small_1");
        assertThat(ranked.subList(2, 4)).containsExactlyInAnyOrder("big_1", "big_2");
    }

    @Test
    void without_a_driving_licence_the_nearest_come_first_whoever_runs_them() {
        organisation("big", new Competence(ScopeLevel.DEPARTEMENT, List.of("46")));
        organisation("far", Competence.national());
        offer("big_here", "big", o -> o.setCommunes(List.of(CAHORS)));
        offer("big_here_too", "big", o -> o.setCommunes(List.of(CAHORS)));
        offer("far_away", "far", o -> {});

        List<String> noLicence = ids(new MatchQuery(LOT_TERRITORY, "emploi", CAHORS, 20,
                Map.of("permis-b", Set.of("non")), TODAY, "seed"));
        List<String> licence = ids(new MatchQuery(LOT_TERRITORY, "emploi", CAHORS, 20,
                Map.of("permis-b", Set.of("oui")), TODAY, "seed"));

        assertThat(noLicence.subList(0, 2)).containsExactlyInAnyOrder("big_here", "big_here_too");
        assertThat(noLicence.get(2)).isEqualTo("far_away");
        assertThat(licence.get(1)).as("one offer of each organisation in turn").isEqualTo("far_away");
    }

    @Test
    void a_short_title_is_listed_and_a_title_without_one_is_cut_to_fit() {
        organisation("org", Competence.national());
        offer("short", "org", o -> {
            o.setTitle("Contrat d'engagement jeune : un accompagnement et une allocation");
            o.setShortTitle("Contrat d'engagement");
        });
        offer("long", "org", o -> o.setTitle("Contrat d'engagement jeune : un accompagnement et une allocation"));

        Map<String, String> titles = new HashMap<>();
        catalog.match(query(CAHORS, LOT_TERRITORY)).forEach(s -> titles.put(s.id(), s.shortTitle()));

        assertThat(titles).containsEntry("short", "Contrat d'engagement");
        assertThat(titles.get("long")).hasSizeLessThanOrEqualTo(OfferSummary.SHORT_TITLE_MAX).endsWith("…");
        assertThat(catalog.offer("short")).get().extracting(d -> d.shortTitle()).isEqualTo("Contrat d'engagement");
    }

    @Test
    void the_order_is_stable_for_a_seed_and_varies_between_seeds() {
        organisation("org", Competence.national());
        for (int i = 0; i < 12; i++) {
            organisation("org" + i, Competence.national());
            offer("offer" + i, "org" + i, o -> {});
        }
        MatchQuery first = new MatchQuery(null, "emploi", CAHORS, 20, Map.of(), TODAY, "conversation-1");
        List<String> order = ids(first);
        assertThat(ids(first)).isEqualTo(order);
        boolean someSeedDiffers = false;
        for (int s = 2; s < 10 && !someSeedDiffers; s++) {
            someSeedDiffers = !ids(new MatchQuery(null, "emploi", CAHORS, 20, Map.of(), TODAY, "conversation-" + s))
                    .equals(order);
        }
        assertThat(someSeedDiffers).isTrue();
    }

    private Organisation organisation(String id, Competence competence) {
        return organisations.save(new Organisation(id, id, OrganisationType.ASSOCIATION, competence));
    }

    private Offer offer(String id, String organisationId, Consumer<Offer> setup) {
        Offer offer = new Offer(id, organisationId, "emploi", "Offre " + id);
        offer.setStatus(OfferStatus.ACTIVE);
        offer.setContactDelayDays(3);
        setup.accept(offer);
        return offers.save(offer);
    }

    private List<String> ids(MatchQuery query) {
        return catalog.match(query).stream().map(OfferSummary::id).toList();
    }

    private static MatchQuery query(String insee, String territoryId) {
        return new MatchQuery(territoryId, "emploi", insee, 20, Map.of(), TODAY, "seed");
    }

    private static MatchQuery answers(Map<String, Set<String>> answers) {
        return new MatchQuery(LOT_TERRITORY, "emploi", CAHORS, 20, new HashMap<>(answers), TODAY, "seed");
    }

    private static MatchQuery age(int age) {
        return new MatchQuery(LOT_TERRITORY, "emploi", CAHORS, age, Map.of(), TODAY, "seed");
    }
}
