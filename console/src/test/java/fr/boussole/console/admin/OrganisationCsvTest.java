package fr.boussole.console.admin;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.store.organisation.Organisations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Organisations from a spreadsheet, with the offers import's line-and-column report, and back. */
class OrganisationCsvTest extends ConsoleIntegrationTest {

    private static final String HEADER = "id,name,type,address,website,territory,competence,competence_codes,charter_signed_on,contacts,active\n";

    @Autowired
    Organisations organisations;

    @Test
    void every_error_is_reported_by_line_and_column_and_nothing_is_imported() throws Exception {
        var world = fixtures.world();
        var other = fixtures.world();
        long before = organisations.count();
        String csv = HEADER
                + ",Mission locale,mission_locale,,,,territory,,2026-01-15,Accueil||05 65 00 00 00|ml@example.org|alerts,yes\n"
                + ",Sans type,,,,,departement,12,,x|||x@example.org|alerts,yes\n"
                + ",Date fausse,association,,,,departement,12,15/01/2026,x|||x@example.org|alerts,peut-être\n"
                + ",Autre territoire,association,,," + other.territoryId() + ",territory,,,x|||x@example.org|alerts,yes\n"
                + ",Codes faux,association,,,,departement,12 123,,x|||x@example.org|alerts,yes\n"
                + ",Sans alerte,association,,,,departement,12,,x|||x@example.org,yes\n";

        mvc.perform(multipart("/console/admin/organisations/import").file(file(csv)).with(user(world.animateur())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("nothing-imported")))
                .andExpect(content().string(containsString("<td>3</td>")))
                .andExpect(content().string(containsString("<td>type</td>")))
                .andExpect(content().string(containsString("<td>charter_signed_on</td>")))
                .andExpect(content().string(containsString("<td>active</td>")))
                .andExpect(content().string(containsString("<td>territory</td>")))
                .andExpect(content().string(containsString("codes inconnus : 123")))
                .andExpect(content().string(containsString("<td>contacts</td>")));
        assertThat(organisations.count()).isEqualTo(before);

        mvc.perform(multipart("/console/admin/organisations/import").file(file(csv)).param("skipInvalid", "true")
                        .with(user(world.animateur())).with(csrf()))
                .andExpect(content().string(containsString("import-partial")));
        assertThat(organisations.findByTerritoryId(world.territoryId())).extracting(o -> o.getName())
                .contains("Mission locale").doesNotContain("Sans type", "Autre territoire");
    }

    @Test
    void an_export_imports_back_as_all_unchanged() throws Exception {
        var world = fixtures.world();
        String exported = mvc.perform(get("/console/admin/organisations/export.csv").with(user(world.animateur())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(exported).contains(world.a().name()).contains(world.b().name()).contains("|alerts");

        mvc.perform(multipart("/console/admin/organisations/import").file(file(exported)).with(user(world.animateur())).with(csrf()))
                .andExpect(content().string(containsString("import-done")))
                .andExpect(content().string(containsString("<td id=\"count-unchanged\">2</td>")));
    }

    @Test
    void an_animateur_cannot_update_another_territory_organisation_by_its_id() throws Exception {
        var world = fixtures.world();
        var other = fixtures.world();
        String csv = HEADER + other.a().id() + ",Piratée,association,,,,territory,,,x|||x@example.org|alerts,yes\n";
        mvc.perform(multipart("/console/admin/organisations/import").file(file(csv)).with(user(world.animateur())).with(csrf()))
                .andExpect(content().string(containsString("nothing-imported")))
                .andExpect(content().string(containsString("<td>id</td>")));
        assertThat(organisations.findById(other.a().id()).orElseThrow().getName()).isEqualTo(other.a().name());
    }

    private static MockMultipartFile file(String csv) {
        return new MockMultipartFile("file", "structures.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }
}
