package fr.boussole.console.animation;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.core.ids.Ids;
import fr.boussole.store.search.Search;
import fr.boussole.store.search.SearchRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DashboardTest extends ConsoleIntegrationTest {

    @Autowired
    SearchRecords searches;

    @Test
    void the_dashboard_measures_kept_promises_with_a_server_drawn_chart() throws Exception {
        var world = fixtures.world();
        String kept = fixtures.request(world, world.a(), Instant.parse("2026-02-20T09:00:00Z"));
        fixtures.request(world, world.b(), Instant.parse("2026-02-20T09:00:00Z"));
        clock.set(Instant.parse("2026-02-21T09:00:00Z"));
        mvc.perform(post("/console/demandes/" + kept + "/suivi").with(user(world.a().professional())).with(csrf())
                .param("at", "2026-02-21T09:00").param("means", "PHONE").param("comment", "Joint"));
        searches.save(new Search(Ids.random("se"), "46102", world.territoryId(), "logement", 0, Instant.parse("2026-02-25T09:00:00Z")));
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));

        mvc.perform(get("/console/animation/tableau-de-bord").with(user(world.animateur())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg class=\"chart\" id=\"requests-chart\"")))
                .andExpect(content().string(containsString("<rect")))
                .andExpect(content().string(containsString("50 %")))      // one of two due requests contacted in time
                .andExpect(content().string(containsString("23 h")))      // 09:00 Paris is 08:00 UTC: 23 hours after the request
                .andExpect(content().string(containsString(world.b().name())));  // misses its delays
        mvc.perform(get("/console/animation/recherches").with(user(world.animateur())))
                .andExpect(content().string(containsString("Figeac"))); // 46102, named as the app's communes name it
        mvc.perform(get("/console/animation/offres").with(user(world.animateur())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("themes-without-offer")));
    }

    @Test
    void the_yearly_report_is_a_csv_per_theme() throws Exception {
        var world = fixtures.world();
        fixtures.request(world, world.a(), Instant.parse("2026-01-10T09:00:00Z"));
        mvc.perform(get("/console/animation/export/rapport-annuel.csv").param("annee", "2026").with(user(world.animateur())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(content().string(containsString("year,theme,searches")))
                .andExpect(content().string(containsString("2026,emploi,0,0,1,0,0,,0")))
                .andExpect(content().string(containsString("2026,total,")));
    }
}
