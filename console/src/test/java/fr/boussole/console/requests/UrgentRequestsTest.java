package fr.boussole.console.requests;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import fr.boussole.store.offer.Offers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

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

/**
 * Issue 11: a request marked urgent by the journey (an urgent answer, a young person in danger) has its badge,
 * its own tab and comes first; the offer form takes the short title the bot shows on buttons and in lists.
 */
class UrgentRequestsTest extends ConsoleIntegrationTest {

    @Autowired
    Offers offers;

    private Fixtures.World world;
    private String ordinary;
    private String urgent;

    @BeforeEach
    void anOrdinaryRequestThenAnUrgentOneDueLater() {
        world = fixtures.world();
        ordinary = fixtures.request(world, world.a(), clock.instant());
        urgent = fixtures.urgentRequest(world, world.a(), clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void the_urgent_tab_holds_only_the_urgent_request_with_its_badge() throws Exception {
        String page = mvc.perform(get("/console/demandes").param("onglet", "urgent").with(user(world.a().professional())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Urgentes (1)")))
                .andExpect(content().string(containsString("class=\"badge urgent\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/console/demandes/" + urgent).doesNotContain("/console/demandes/" + ordinary);
    }

    @Test
    void in_every_tab_the_urgent_request_comes_first_though_due_later() throws Exception {
        String page = mvc.perform(get("/console/demandes").param("onglet", "new").with(user(world.a().professional())))
                .andExpect(content().string(containsString("Nouvelles (2)")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("/console/demandes/" + urgent)).isPositive()
                .isLessThan(page.indexOf("/console/demandes/" + ordinary));
    }

    @Test
    void the_request_page_and_the_home_page_say_it_is_urgent() throws Exception {
        mvc.perform(get("/console/demandes/" + urgent).with(user(world.a().professional())))
                .andExpect(content().string(containsString("id=\"urgent-badge\"")))
                .andExpect(content().string(containsString("id=\"urgent-notice\"")));
        mvc.perform(get("/console/demandes/" + ordinary).with(user(world.a().professional())))
                .andExpect(content().string(not(containsString("id=\"urgent-badge\""))));
        mvc.perform(get("/console").with(user(world.a().professional())))
                .andExpect(content().string(containsString("onglet=urgent")));
        mvc.perform(get("/console/demandes").param("onglet", "urgent").with(user(world.animateur())))
                .andExpect(content().string(containsString("Urgentes (1)")));
    }

    @Test
    void a_closed_urgent_request_leaves_the_urgent_tab() throws Exception {
        fixtures.followUp(urgent, clock.instant().plus(Duration.ofHours(2)), fr.boussole.store.request.Outcome.REACHED_AND_HELPED);
        mvc.perform(get("/console/demandes").param("onglet", "urgent").with(user(world.a().professional())))
                .andExpect(content().string(containsString("Urgentes (0)")));
    }

    @Test
    void the_offer_form_takes_a_short_title_of_at_most_24_characters() throws Exception {
        mvc.perform(post("/console/offres/nouvelle").with(user(world.a().professional())).with(csrf())
                        .param("title", "Contrat d'engagement jeune : un accompagnement intensif").param("shortTitle", "Contrat d'engagement")
                        .param("description", "Un conseiller te suit chaque semaine.").param("theme", "emploi")
                        .param("place", "Cahors").param("contactDelayDays", "2"))
                .andExpect(redirectedUrl("/console/offres?enregistree"));
        var saved = offers.findByOrganisationId(world.a().id()).stream()
                .filter(o -> o.getTitle().startsWith("Contrat d'engagement")).findFirst().orElseThrow();
        assertThat(saved.getShortTitle()).isEqualTo("Contrat d'engagement");
        mvc.perform(get("/console/offres/" + saved.getId()).with(user(world.a().professional())))
                .andExpect(content().string(containsString("value=\"Contrat d&#39;engagement\"")));

        mvc.perform(post("/console/offres/nouvelle").with(user(world.a().professional())).with(csrf())
                        .param("title", "Atelier CV").param("shortTitle", "Un titre court bien trop long pour un bouton")
                        .param("description", "On relit ton CV.").param("theme", "emploi")
                        .param("place", "Cahors").param("contactDelayDays", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("24 caractères au plus")));
        assertThat(offers.findByOrganisationId(world.a().id())).extracting(o -> o.getTitle()).doesNotContain("Atelier CV");
    }
}
