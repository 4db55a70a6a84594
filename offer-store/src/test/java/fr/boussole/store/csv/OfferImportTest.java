package fr.boussole.store.csv;

import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.offer.Criterion;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Competence;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.theme.ThemeSeeder;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OfferImportTest extends StoreIntegrationTest {

    static final String HEADER = "ref,title,description,theme,sub_theme,organisation,place,communes,criteria,"
            + "age_min,age_max,contact_delay_days,valid_from,valid_until,status\n";

    @Autowired OfferImport offerImport;
    @Autowired OfferExport offerExport;
    @Autowired Offers offers;
    @Autowired Organisations organisations;
    @Autowired ThemeSeeder themes;

    @BeforeEach
    void organisationsAndThemes() {
        themes.seed();
        organisations.save(new Organisation("org_ml", "Mission locale", OrganisationType.MISSION_LOCALE, Competence.national()));
        organisations.save(new Organisation("org_fjt", "FJT", OrganisationType.HOUSING, Competence.national()));
    }

    @Test
    void a_valid_file_is_imported_with_every_field() throws IOException {
        String csv = HEADER
                + "EMP-1,Job d'été,\"Des jobs, pour l'été.\nAppelle-nous.\",emploi,job-saisonnier,org_ml,Cahors,46042 46102,"
                + "situation=etudiant|lyceen; permis-b=any,16,25,3,2026-06-01,2026-09-30,active\n";
        ImportReport report = importCsv(csv, false);

        assertThat(report.problems()).isEmpty();
        assertThat(report).extracting(ImportReport::created, ImportReport::applied).containsExactly(1, true);
        Offer offer = offers.findByRef("EMP-1").orElseThrow();
        assertThat(offer.getDescription()).isEqualTo("Des jobs, pour l'été.\nAppelle-nous.");
        assertThat(offer.getCommunes()).containsExactly("46042", "46102");
        assertThat(offer.getCriteria()).containsExactly(new Criterion("situation", Set.of("etudiant", "lyceen")),
                new Criterion("permis-b", Set.of("any")));
        assertThat(offer.getAgeMin()).isEqualTo(16);
        assertThat(offer.getValidUntil()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.ACTIVE);
        assertThat(offer.getUpdatedBy()).isEqualTo("test");
    }

    @Test
    void every_error_is_reported_by_line_and_column_and_nothing_is_imported() throws IOException {
        String csv = HEADER
                + "OK-1,Titre,Texte,emploi,,org_ml,,,,,,3,,,active\n"
                + "BAD-1,,Texte,cuisine,,org_nope,,4604,situation,30,20,9,2026-13-01,,published\n"
                + "OK-1,Titre,Texte,emploi,,org_ml,,,,,,3,,,active\n"
                + "SHORT,Titre\n";
        ImportReport report = importCsv(csv, false);

        assertThat(report.applied()).isFalse();
        assertThat(offers.count()).isZero();
        assertThat(report.problems()).extracting(p -> p.line() + ":" + p.column()).containsExactlyInAnyOrder(
                "3:title", "3:theme", "3:organisation", "3:communes", "3:criteria", "3:age_max",
                "3:contact_delay_days", "3:valid_from", "3:status", "4:ref", "5:null");
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.toString()).startsWith("ligne ")
                .doesNotContain("problem."));
        assertThat(report.problems()).extracting(ImportProblem::toString).contains(
                "ligne 3, colonne theme : « cuisine » n'est pas un thème ; thèmes possibles : emploi, formation, "
                        + "logement, mobilite-internationale, sante",
                "ligne 4, colonne ref : « OK-1 » est déjà utilisé ligne 2",
                "ligne 5 : la ligne a 2 champs alors que l'en-tête en a 15");
    }

    @Test
    void with_skip_invalid_the_valid_rows_are_imported() throws IOException {
        String csv = HEADER
                + "OK-1,Titre,Texte,emploi,,org_ml,,,,,,3,,,active\n"
                + "BAD-1,Titre,Texte,emploi,,org_ml,,,,,,0,,,active\n";
        ImportReport report = importCsv(csv, true);

        assertThat(report.applied()).isTrue();
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.problems()).extracting(ImportProblem::toString)
                .containsExactly("ligne 3, colonne contact_delay_days : doit être entre 1 et 7 (ici 0)");
    }

    @Test
    void a_missing_required_column_is_reported_on_the_header() throws IOException {
        ImportReport report = importCsv("ref,title\nA,B\n", false);
        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).extracting(ImportProblem::column)
                .containsExactlyInAnyOrder("description", "theme", "organisation", "contact_delay_days", "status");
    }

    @Test
    void importing_twice_changes_nothing_and_an_edit_updates_in_place() throws IOException {
        String csv = HEADER + "OK-1,Titre,Texte,emploi,,org_ml,,,,,,3,,,active\n";
        importCsv(csv, false);
        Offer first = offers.findByRef("OK-1").orElseThrow();

        ImportReport again = importCsv(csv, false);
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.created()).isZero();
        assertThat(offers.findByRef("OK-1").orElseThrow().getVersion()).isEqualTo(first.getVersion());

        ImportReport edited = importCsv(csv.replace("Titre", "Nouveau titre"), false);
        assertThat(edited.updated()).isEqualTo(1);
        assertThat(offers.count()).isEqualTo(1);
        assertThat(offers.findByRef("OK-1").orElseThrow().getTitle()).isEqualTo("Nouveau titre");
    }

    @Test
    void a_professional_imports_only_the_offers_of_their_organisation() throws IOException {
        String csv = HEADER + "FJT-1,Titre,Texte,logement,,org_fjt,,,,,,3,,,active\n";
        ImportReport report = offerImport.importOffers(new StringReader(csv),
                new ImportOptions(false, "pro", Set.of("org_ml")), ImportProgress.NONE);
        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).extracting(ImportProblem::column).containsExactly("organisation");
    }

    @Test
    void a_short_title_is_imported_checked_and_exported() throws IOException {
        String header = "ref,title,short_title,description,theme,organisation,contact_delay_days,status\n";
        ImportReport report = importCsv(header
                + "S-1,Contrat d'engagement jeune : un accompagnement,Contrat d'engagement,Texte,emploi,org_ml,3,active\n"
                + "S-2,Titre,Un titre court bien trop long pour un bouton,Texte,emploi,org_ml,3,active\n", true);

        assertThat(report.problems()).extracting(p -> p.line() + ":" + p.column()).containsExactly("3:short_title");
        assertThat(offers.findByRef("S-1").orElseThrow().getShortTitle()).isEqualTo("Contrat d'engagement");
        StringWriter exported = new StringWriter();
        offerExport.export(exported, null);
        assertThat(exported.toString()).contains("short_title").contains(",Contrat d'engagement,");
    }

    @Test
    void an_export_imports_back_unchanged() throws IOException {
        String csv = HEADER
                + "A-1,\"Titre, avec virgule\",\"Texte \"\"cité\"\"\",emploi,job-etudiant,org_ml,\"Cahors, 12 rue X\",46042,"
                + "situation=etudiant,16,30,2,2026-01-01,2026-12-31,active\n"
                + "B-2,Logement,Texte,logement,,org_fjt,,,,,,7,,,draft\n";
        importCsv(csv, false);
        StringWriter exported = new StringWriter();
        assertThat(offerExport.export(exported, null)).isEqualTo(2);

        ImportReport reimport = importCsv(exported.toString(), false);
        assertThat(reimport.problems()).isEmpty();
        assertThat(reimport.unchanged()).isEqualTo(2);
    }

    @Test
    void five_thousand_rows_with_some_bad_ones_import_with_progress() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 5000; i++) {
            String delay = i % 1000 == 0 ? "12" : Integer.toString(1 + i % 7);
            csv.append("GEN-").append(i).append(",Offre ").append(i).append(",Une offre générée.,")
                    .append(List.of("emploi", "formation", "logement", "sante", "mobilite-internationale").get(i % 5))
                    .append(",,").append(i % 2 == 0 ? "org_ml" : "org_fjt").append(",,,situation=etudiant,16,30,")
                    .append(delay).append(",,,active\n");
        }
        List<String> progress = new ArrayList<>();
        long start = System.nanoTime();
        ImportReport report = offerImport.importOffers(new StringReader(csv.toString()),
                ImportOptions.any(true, "test"), (phase, done, total) -> progress.add(phase + " " + done + "/" + total + " at " + (System.nanoTime() - start) / 1_000_000 + " ms"));
        System.out.println(progress);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("5,000-row import with 5 bad rows: " + millis + " ms");

        assertThat(report.created()).isEqualTo(4995);
        assertThat(report.problems()).extracting(ImportProblem::line).containsExactly(1001, 2001, 3001, 4001, 5001);
        assertThat(progress).anyMatch(p -> p.startsWith("VALIDATING 5000/5000")).anyMatch(p -> p.startsWith("WRITING 4995/4995"));
        assertThat(offers.count()).isEqualTo(4995);
    }

    private ImportReport importCsv(String csv, boolean skipInvalid) throws IOException {
        return offerImport.importOffers(new StringReader(csv), ImportOptions.any(skipInvalid, "test"), ImportProgress.NONE);
    }
}
