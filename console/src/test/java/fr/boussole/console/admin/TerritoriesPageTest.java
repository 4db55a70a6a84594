package fr.boussole.console.admin;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.store.territory.Territories;
import fr.boussole.store.territory.Territory;
import fr.boussole.store.territory.TerritoryStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An administrator opens a territory from the console: drawn from a department or intercommunalities, themes, contacts, animateur, status. */
class TerritoriesPageTest extends ConsoleIntegrationTest {

    @Autowired
    Territories territories;

    @Test
    void an_administrator_creates_a_territory_from_intercommunalities_invites_its_animateur_and_opens_it() throws Exception {
        var admin = fixtures.administrator();
        mvc.perform(get("/console/admin/territoires/nouveau").param("departement", "12").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("CA Rodez Agglomération")));

        String location = mvc.perform(post("/console/admin/territoires/nouveau").with(user(admin)).with(csrf())
                        .param("name", "Boussole du Grand Rodez").param("kind", "EPCIS").param("epcis", "241200187")
                        .param("themes", "emploi", "logement")
                        .param("ijName", "PIJ de Rodez (fictif)", "", "").param("ijPhone", "01 99 00 12 00", "", "")
                        .param("ijEmail", "", "", "").param("ijWebsite", "", "", "").param("ijDepartement", "", "", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String id = location.replaceAll(".*/territoires/([^?]+).*", "$1");
        Territory created = territories.findById(id).orElseThrow();
        assertThat(created.getCommunes()).contains("12202").hasSize(8);
        assertThat(created.getStatus()).isEqualTo(TerritoryStatus.IN_PREPARATION);
        assertThat(created.getInfoJeunes()).singleElement().satisfies(e -> assertThat(e.departement()).isEqualTo("12"));

        mvc.perform(post("/console/admin/territoires/" + id + "/animateurs").with(user(admin)).with(csrf())
                        .param("email", "animation-" + id + "@aveyron.test").param("displayName", "Louise Animatrice"))
                .andExpect(status().is3xxRedirection());
        assertThat(territories.findById(id).orElseThrow().getAnimateurIds()).hasSize(1);
        assertThat(outbox.enqueued().values()).anySatisfy(d -> assertThat(d.recipient()).isEqualTo("animation-" + id + "@aveyron.test"));

        mvc.perform(post("/console/admin/territoires/" + id + "/statut").with(user(admin)).with(csrf()).param("statut", "OPEN"))
                .andExpect(status().is3xxRedirection());
        assertThat(territories.findById(id).orElseThrow().getStatus()).isEqualTo(TerritoryStatus.OPEN);
        mvc.perform(get("/console/admin/territoires/" + id).with(user(admin)))
                .andExpect(content().string(containsString("Ouvert")))
                .andExpect(content().string(containsString("Louise Animatrice")))
                .andExpect(content().string(containsString("Rodez (12202)")));

        mvc.perform(post("/console/admin/territoires/" + id + "/statut").with(user(admin)).with(csrf()).param("statut", "CLOSED"));
        assertThat(territories.findById(id).orElseThrow().getStatus()).isEqualTo(TerritoryStatus.CLOSED);
    }

    @Test
    void a_wrong_code_comes_back_to_the_form_with_what_was_typed_and_the_codes_named() throws Exception {
        var admin = fixtures.administrator();
        long before = territories.count();
        mvc.perform(post("/console/admin/territoires/nouveau").with(user(admin)).with(csrf())
                        .param("name", "Boussole fantôme").param("kind", "COMMUNES").param("communes", "12202, 99999\nzzz")
                        .param("themes", "emploi"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("99999, zzz")))
                .andExpect(content().string(containsString("Boussole fantôme")));
        assertThat(territories.count()).isEqualTo(before);
    }

    @Test
    void an_animateur_cannot_create_change_or_open_a_territory() throws Exception {
        var world = fixtures.world();
        mvc.perform(get("/console/admin/territoires").with(user(world.animateur()))).andExpect(status().isForbidden());
        mvc.perform(post("/console/admin/territoires/" + world.territoryId() + "/statut").with(user(world.animateur()))
                .with(csrf()).param("statut", "CLOSED")).andExpect(status().isForbidden());
        assertThat(territories.findById(world.territoryId()).orElseThrow().getStatus()).isEqualTo(TerritoryStatus.OPEN);
    }
}
