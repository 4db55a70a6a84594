package fr.boussole.console.admin;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.organisation.ScopeLevel;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The animateur runs the organisations of their territory: create, edit, deactivate, each in the audit log. */
class OrganisationsPageTest extends ConsoleIntegrationTest {

    @Autowired
    Organisations organisations;
    @Autowired
    MongoTemplate mongo;

    @Test
    void an_animateur_creates_an_organisation_of_their_territory_whatever_territory_the_form_names() throws Exception {
        var world = fixtures.world();
        var other = fixtures.world();
        String location = mvc.perform(post("/console/admin/organisations/nouvelle").with(user(world.animateur())).with(csrf())
                        .param("name", "Mission locale de Rodez").param("type", "MISSION_LOCALE")
                        .param("address", "1 place du Bourg, 12000 Rodez").param("competenceLevel", "COMMUNES")
                        .param("competenceCodes", "12202 12145").param("territoryId", other.territoryId())
                        .param("charterSignedOn", "2026-02-01")
                        .param("contactName", "Accueil", "", "", "").param("contactRole", "", "", "", "")
                        .param("contactPhone", "01 99 00 12 01", "", "", "")
                        .param("contactEmail", "Alertes@ML-Rodez.example.org", "", "", "").param("contactAlerts", "0"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String id = location.replaceAll(".*/organisations/([^?]+).*", "$1");

        var created = organisations.findById(id).orElseThrow();
        assertThat(created.getTerritoryId()).isEqualTo(world.territoryId());
        assertThat(created.getCompetence().level()).isEqualTo(ScopeLevel.COMMUNES);
        assertThat(created.alertEmails()).containsExactly("alertes@ml-rodez.example.org");
        assertThat(created.getCharterSignedOn()).hasToString("2026-02-01");
        assertThat(mongo.getCollection("console_audit_log").find(new Document("subjectId", id)
                .append("action", "ORGANISATION_CREATED").append("territoryId", world.territoryId())).first()).isNotNull();
    }

    @Test
    void an_organisation_needs_a_contact_for_alerts_and_known_codes() throws Exception {
        var world = fixtures.world();
        long before = organisations.count();
        mvc.perform(post("/console/admin/organisations/nouvelle").with(user(world.animateur())).with(csrf())
                        .param("name", "Sans alerte").param("type", "ASSOCIATION").param("competenceLevel", "DEPARTEMENT")
                        .param("competenceCodes", "12").param("contactEmail", "contact@asso.example.org", "", "", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"refused\"")))
                .andExpect(content().string(containsString("Sans alerte")));
        mvc.perform(post("/console/admin/organisations/nouvelle").with(user(world.animateur())).with(csrf())
                        .param("name", "Codes faux").param("type", "ASSOCIATION").param("competenceLevel", "DEPARTEMENT")
                        .param("competenceCodes", "12 123").param("contactEmail", "contact@asso.example.org", "", "", "")
                        .param("contactAlerts", "0"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("123")));
        assertThat(organisations.count()).isEqualTo(before);
    }

    @Test
    void a_deactivated_organisation_stays_listed_and_its_edit_is_audited() throws Exception {
        var world = fixtures.world();
        mvc.perform(post("/console/admin/organisations/" + world.b().id() + "/desactiver").with(user(world.animateur())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(organisations.findById(world.b().id()).orElseThrow().isActive()).isFalse();
        mvc.perform(get("/console/admin/organisations").with(user(world.animateur())))
                .andExpect(content().string(containsString("Désactivée")));
        mvc.perform(get("/console/annuaire").with(user(world.a().professional())))
                .andExpect(content().string(not(containsString(world.b().name()))));
    }
}
