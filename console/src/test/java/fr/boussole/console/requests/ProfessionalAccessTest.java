package fr.boussole.console.requests;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.request.ContactRequestRecords;
import org.junit.jupiter.api.BeforeEach;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A professional of one organisation reaches nothing of another's, by any URL or form field. */
class ProfessionalAccessTest extends ConsoleIntegrationTest {

    @Autowired
    ContactRequestRecords requests;
    @Autowired
    Offers offers;
    @Autowired
    MongoTemplate mongo;

    private Fixtures.World world;
    private String requestOfA;
    private String requestOfB;

    @BeforeEach
    void twoOrganisationsWithOneRequestEach() {
        world = fixtures.world();
        requestOfA = fixtures.request(world, world.a(), clock.instant());
        requestOfB = fixtures.request(world, world.b(), clock.instant());
    }

    @Test
    void lists_show_only_the_requests_of_the_own_organisation() throws Exception {
        mvc.perform(get("/console/demandes").with(user(world.a().professional())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nouvelles (1)")))
                .andExpect(content().string(containsString("/console/demandes/" + requestOfA)))
                .andExpect(content().string(not(containsString(requestOfB))));
    }

    @Test
    void the_request_of_another_organisation_cannot_be_opened() throws Exception {
        mvc.perform(get("/console/demandes/" + requestOfB).with(user(world.a().professional())))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("06 12 34 56 78"))));
    }

    @Test
    void opening_an_own_request_shows_the_contact_details_and_writes_the_audit_log() throws Exception {
        mvc.perform(get("/console/demandes/" + requestOfA).with(user(world.a().professional())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("06 12 34 56 78")));

        var entry = mongo.getCollection("console_audit_log")
                .find(new org.bson.Document("subjectId", requestOfA).append("action", "CONTACT_DETAILS_VIEWED")).first();
        assertThat(entry).isNotNull();
        assertThat(entry.getString("actor")).isEqualTo(world.a().professional().accountId());
        assertThat(entry.getString("territoryId")).isEqualTo(world.territoryId());
    }

    @Test
    void no_follow_up_can_be_logged_on_the_request_of_another_organisation() throws Exception {
        mvc.perform(post("/console/demandes/" + requestOfB + "/suivi").with(user(world.a().professional())).with(csrf())
                        .param("at", "2026-03-02T10:00").param("means", "PHONE").param("comment", "intrusion")
                        .param("outcome", "OTHER").param("close", "true"))
                .andExpect(status().isNotFound());

        var stored = requests.findById(requestOfB).orElseThrow();
        assertThat(stored.getFollowUps()).isEmpty();
        assertThat(stored.getStatus()).isEqualTo(fr.boussole.store.request.RequestStatus.NEW);
    }

    @Test
    void a_follow_up_on_an_own_request_is_recorded_and_can_close_it() throws Exception {
        mvc.perform(post("/console/demandes/" + requestOfA + "/suivi").with(user(world.a().professional())).with(csrf())
                        .param("at", "2026-03-02T10:00").param("means", "PHONE").param("comment", "Appel, RDV pris")
                        .param("outcome", "REACHED_AND_HELPED").param("close", "true"))
                .andExpect(status().is3xxRedirection());

        var stored = requests.findById(requestOfA).orElseThrow();
        assertThat(stored.getFollowUps()).singleElement().satisfies(f -> {
            assertThat(f.comment()).isEqualTo("Appel, RDV pris");
            assertThat(f.author()).isEqualTo(world.a().professional().accountId());
        });
        assertThat(stored.getStatus()).isEqualTo(fr.boussole.store.request.RequestStatus.CLOSED);
        assertThat(stored.getOutcome()).isEqualTo(fr.boussole.store.request.Outcome.REACHED_AND_HELPED);
    }

    @Test
    void a_follow_up_without_comment_is_refused() throws Exception {
        mvc.perform(post("/console/demandes/" + requestOfA + "/suivi").with(user(world.a().professional())).with(csrf())
                        .param("at", "2026-03-02T10:00").param("means", "PHONE").param("comment", "  "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("le commentaire est obligatoire")));
        assertThat(requests.findById(requestOfA).orElseThrow().getFollowUps()).isEmpty();
    }

    @Test
    void the_export_holds_only_the_own_requests_and_no_contact_details() throws Exception {
        mvc.perform(get("/console/demandes/export.csv").with(user(world.a().professional())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(requestOfA)))
                .andExpect(content().string(not(containsString(requestOfB))))
                .andExpect(content().string(not(containsString("06 12 34 56 78"))));
    }

    @Test
    void the_offers_of_another_organisation_cannot_be_read_edited_or_archived() throws Exception {
        String offerOfB = world.b().offerId();
        mvc.perform(get("/console/offres/" + offerOfB).with(user(world.a().professional())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/offres/" + offerOfB).with(user(world.a().professional())).with(csrf())
                        .param("title", "Piratée").param("description", "x").param("theme", "emploi")
                        .param("place", "Cahors").param("contactDelayDays", "2"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/offres/" + offerOfB + "/archiver").with(user(world.a().professional())).with(csrf()))
                .andExpect(status().isNotFound());

        var offer = offers.findById(offerOfB).orElseThrow();
        assertThat(offer.getTitle()).isEqualTo(world.b().offerTitle());
        assertThat(offer.getStatus()).isEqualTo(fr.boussole.store.offer.OfferStatus.ACTIVE);
    }

    @Test
    void an_organisation_id_slipped_into_the_offer_form_is_ignored() throws Exception {
        mvc.perform(post("/console/offres/nouvelle").with(user(world.a().professional())).with(csrf())
                        .param("title", "Atelier CV").param("description", "On relit ton CV avec toi.")
                        .param("theme", "emploi").param("place", "Cahors").param("contactDelayDays", "2")
                        .param("organisationId", world.b().id()))
                .andExpect(redirectedUrl("/console/offres?enregistree"));

        assertThat(offers.findByOrganisationId(world.b().id())).extracting(o -> o.getTitle()).doesNotContain("Atelier CV");
        assertThat(offers.findByOrganisationId(world.a().id())).extracting(o -> o.getTitle()).contains("Atelier CV");
    }

    @Test
    void offers_are_validated() throws Exception {
        mvc.perform(post("/console/offres/nouvelle").with(user(world.a().professional())).with(csrf())
                        .param("title", "<b>Gras</b>").param("description", "ok").param("theme", "emploi")
                        .param("place", "Cahors").param("contactDelayDays", "9").param("communes", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("offer-errors")));
        assertThat(offers.findByOrganisationId(world.a().id())).hasSize(1);
    }

    @Test
    void a_professional_cannot_reach_the_animateur_pages() throws Exception {
        for (String path : new String[]{"/console/animation/tableau-de-bord", "/console/animation/export/demandes.csv",
                "/console/animation/journal", "/console/animation/recherches"}) {
            mvc.perform(get(path).with(user(world.a().professional()))).andExpect(status().isForbidden());
        }
    }

    @Test
    void the_animateur_sees_every_request_of_the_territory_and_the_audit_log() throws Exception {
        mvc.perform(get("/console/demandes/" + requestOfB).with(user(world.a().professional())));
        mvc.perform(get("/console/demandes/" + requestOfA).with(user(world.a().professional())));

        mvc.perform(get("/console/demandes").with(user(world.animateur())))
                .andExpect(content().string(containsString(requestOfA)))
                .andExpect(content().string(containsString(requestOfB)));
        mvc.perform(get("/console/animation/journal").with(user(world.animateur())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(requestOfA)))
                .andExpect(content().string(containsString("Coordonnées consultées")));
        mvc.perform(get("/console/animation/export/demandes.csv").with(user(world.animateur())))
                .andExpect(content().string(containsString(requestOfB)));
    }

    @Test
    void the_directory_shows_the_peer_organisations_and_their_offers_and_own_offers_only_list_the_own() throws Exception {
        mvc.perform(get("/console/annuaire").with(user(world.a().professional())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(world.b().name())))
                .andExpect(content().string(containsString("Trouver un job d&#39;été")))
                .andExpect(content().string(not(containsString("06 12 34 56 78"))));
        mvc.perform(get("/console/offres").with(user(world.a().professional())))
                .andExpect(content().string(containsString(world.a().offerId())))
                .andExpect(content().string(not(containsString(world.b().offerId()))));
    }
}
