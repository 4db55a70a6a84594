package fr.boussole.console.hardening;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.store.csv.CsvReader;
import fr.boussole.store.offer.Offers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Every CSV the console serves, with texts a spreadsheet would run as formulas: no cell starts with a
 * formula character, and the offers export imports back through the console unchanged.
 */
class CsvExportsTest extends ConsoleIntegrationTest {

    private static final String FORMULA = "=HYPERLINK(\"http://x\",\"clic\")";

    @Autowired
    Offers offers;

    /** Fails if any console export lets a cell start with =, +, -, @, tab or CR. */
    @Test
    void no_cell_of_any_console_export_starts_like_a_formula() throws Exception {
        var world = fixtures.world();
        var offer = offers.findById(world.a().offerId()).orElseThrow();
        offer.setTitle(FORMULA);
        offer.setPlace("-1+1");
        offers.save(offer);
        fixtures.record(world, world.a(), clock.instant(), "@SUM(1)");

        var exports = List.of(
                csv("/console/demandes/export.csv", world.a().professional()),
                csv("/console/offres/export.csv", world.a().professional()),
                csv("/console/animation/export/demandes.csv", world.animateur()),
                csv("/console/animation/export/rapport-annuel.csv?annee=2026", world.animateur()));

        for (List<List<String>> rows : exports) {
            assertThat(rows).hasSizeGreaterThan(1);
            for (List<String> row : rows) {
                for (String cell : row) {
                    assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).as(cell).isTrue();
                }
            }
        }
        assertThat(exports.get(0).get(1)).contains("'" + FORMULA, "'@SUM(1)");
        assertThat(exports.get(1).get(1)).contains("'" + FORMULA, "'-1+1");
        assertThat(exports.get(3)).anySatisfy(row -> assertThat(row).contains("'@SUM(1)"));
    }

    /** Fails if the guard of the export is not undone by the import (the offer would change, or be refused). */
    @Test
    void the_offers_export_with_formulas_imports_back_unchanged() throws Exception {
        var world = fixtures.world();
        var offer = offers.findById(world.a().offerId()).orElseThrow();
        offer.setTitle(FORMULA);
        offers.save(offer);
        var pro = world.a().professional();
        byte[] exported = mvc.perform(get("/console/offres/export.csv").with(user(pro))).andReturn().getResponse()
                .getContentAsByteArray();

        String report = mvc.perform(multipart("/console/offres/import")
                        .file(new MockMultipartFile("file", "offres.csv", "text/csv", exported)).with(user(pro)).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(report).containsPattern("id=\"count-unchanged\"[^>]*>1<");
        assertThat(offers.findById(world.a().offerId()).orElseThrow().getTitle()).isEqualTo(FORMULA);
    }

    private List<List<String>> csv(String path, fr.boussole.console.security.ConsoleUser as) throws Exception {
        var response = mvc.perform(get(path).with(user(as))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return CsvReader.readAll(new StringReader(response.getContentAsString(StandardCharsets.UTF_8)));
    }
}
