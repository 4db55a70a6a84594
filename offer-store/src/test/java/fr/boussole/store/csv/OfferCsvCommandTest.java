package fr.boussole.store.csv;

import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Competence;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.theme.ThemeSeeder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

class OfferCsvCommandTest extends StoreIntegrationTest {

    @Autowired OfferCsvCommand command;
    @Autowired Offers offers;
    @Autowired Organisations organisations;
    @Autowired ThemeSeeder themes;
    @TempDir Path dir;

    @BeforeEach
    void organisation() {
        themes.seed();
        organisations.save(new Organisation("org_ml", "Mission locale", OrganisationType.MISSION_LOCALE, Competence.national()));
    }

    @Test
    void the_command_line_refuses_a_file_with_errors_then_imports_its_valid_rows_when_asked() throws Exception {
        Path file = dir.resolve("offers.csv");
        Files.writeString(file, OfferImportTest.HEADER
                + "OK-1,Titre,Texte,emploi,,org_ml,,,,,,3,,,active\n"
                + "BAD-1,Titre,Texte,emploi,,org_ml,,,,,,3,,,sometimes\n");

        String refused = run("--import-offers=" + file);
        assertThat(refused)
                .contains("ligne 3, colonne status : « sometimes » : les valeurs possibles sont draft, active et archived")
                .contains("Rien n'a été importé");
        assertThat(offers.count()).isZero();

        String imported = run("--import-offers=" + file, "--skip-invalid");
        assertThat(imported).contains("Import terminé : 2 lignes, 1 créées").contains("écriture 1/1");
        assertThat(offers.count()).isEqualTo(1);

        Path export = dir.resolve("export.csv");
        assertThat(run("--export-offers=" + export)).contains("1 offres exportées");
        // the export writes every column, the short title (empty here) right after the title
        assertThat(Files.readString(export)).startsWith("ref,title,short_title,").contains("OK-1,Titre,,Texte,emploi");
    }

    private String run(String... args) {
        var out = new ByteArrayOutputStream();
        command.execute(new DefaultApplicationArguments(args), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
