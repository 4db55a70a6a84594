package fr.boussole.console.funnel;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import fr.boussole.core.conversation.DialogEvent.QuestionnaireProgress;
import fr.boussole.core.conversation.DialogEvent.QuestionnaireProgress.Stage;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.questionnaire.FunnelLog;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;
import fr.boussole.store.questionnaire.TerritoryQuestionnaires;
import fr.boussole.store.search.Search;
import fr.boussole.store.search.SearchRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The animateur sees, on the dashboard and on its own page, how far young people go in each questionnaire
 * version and where searches found no offer; the national team sees any territory's; anonymous counts only.
 */
class FunnelPageTest extends ConsoleIntegrationTest {

    @Autowired FunnelLog log;
    @Autowired SearchRecords searches;
    @Autowired TerritoryQuestionnaires questionnaires;

    private Fixtures.World world;

    @BeforeEach
    void aTerritoryWithJourneysAndSearches() {
        world = fixtures.world();
        for (int i = 0; i < 4; i++) {
            mark("situation", Stage.REACHED);
            if (i < 3) {
                mark("situation", Stage.ANSWERED);
            }
        }
        mark(null, Stage.COMPLETED);
        mark(null, Stage.REQUESTED);
        searches.save(new Search(Ids.random("se"), "46102", world.territoryId(), "logement", 0, clock.instant()));
        searches.save(new Search(Ids.random("se"), "46102", world.territoryId(), "logement", 0, clock.instant()));
        searches.save(new Search(Ids.random("se"), "46042", world.territoryId(), "emploi", 2, clock.instant()));
    }

    @Test
    void the_dashboard_and_the_page_show_each_version_funnel_and_the_unmet_demand() throws Exception {
        mvc.perform(get("/console/animation/tableau-de-bord").with(user(world.animateur())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"funnel-emploi-v1\"")))
                .andExpect(content().string(containsString("Tu fais quoi en ce moment ?")));
        String page = mvc.perform(get("/console/animation/entonnoir").param("periode", "30j").with(user(world.animateur())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("emploi, version 1 (4 parcours)")
                .contains("<td>Tu fais quoi en ce moment ?</td>\n        <td>4</td>\n        <td>3</td>")
                .contains("<td>Figeac</td>").contains("<td>Logement</td>\n      <td>2</td>")
                .doesNotContain("Cahors</td>");
    }

    @Test
    void the_exports_hold_counts_only_and_defuse_spreadsheet_formulas() throws Exception {
        var draft = questionnaires.startDraft(world.territoryId(), "emploi", "ac_test");
        List<Step> steps = new ArrayList<>(draft.questionnaire().steps());
        Step first = steps.getFirst();
        steps.set(0, new Step(first.id(), "=HYPERLINK(\"http://x.example\",\"clic\")", null, first.question(), null));
        var saved = questionnaires.saveDraft(world.territoryId(), "emploi", new Questionnaire(draft.questionnaire().id(),
                draft.questionnaire().version(), "emploi", steps), draft.revision(), "ac_test");
        questionnaires.publish(world.territoryId(), "emploi", saved.revision(), "ac_test");
        log.record(new QuestionnaireProgress(world.territoryId(), "emploi@" + world.territoryId(), 1, "situation",
                Stage.REACHED), null);

        String funnel = mvc.perform(get("/console/animation/entonnoir/entonnoir.csv").with(user(world.animateur())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(funnel).startsWith("territory_id,questionnaire_id,version,theme,stage,position,question_id,question,journeys\r\n")
                .contains(",emploi,1,emploi,REACHED,1,situation,Tu fais quoi en ce moment ?,4\r\n")
                .contains(",emploi,1,emploi,ANSWERED,1,situation,Tu fais quoi en ce moment ?,3\r\n")
                .contains(",emploi,1,emploi,REQUESTED,,,,1\r\n")
                .contains("\"'=HYPERLINK(\"\"http://x.example\"\",\"\"clic\"\")\"");
        String demand = mvc.perform(get("/console/animation/entonnoir/demande-non-satisfaite.csv").with(user(world.animateur())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(demand).isEqualTo("territory_id,commune_insee,commune,theme,searches_without_offer\r\n"
                + world.territoryId() + ",46102,Figeac,logement,2\r\n");
    }

    @Test
    void another_territory_is_not_found_for_an_animateur_and_any_is_open_to_the_national_team() throws Exception {
        Fixtures.World other = fixtures.world();
        mvc.perform(get("/console/animation/entonnoir").param("territoire", world.territoryId()).with(user(other.animateur())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/animation/entonnoir/demande-non-satisfaite.csv").param("territoire", world.territoryId())
                        .with(user(other.animateur())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/animation/entonnoir").with(user(other.animateur())))
                .andExpect(content().string(containsString("Aucun parcours sur la période.")));

        var admin = fixtures.administrator();
        mvc.perform(get("/console/animation/entonnoir").with(user(admin)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Choisissez un territoire.")));
        mvc.perform(get("/console/animation/entonnoir").param("territoire", world.territoryId()).with(user(admin)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("emploi, version 1 (4 parcours)")));
        mvc.perform(get("/console/animation/entonnoir").param("territoire", "te_inconnu").with(user(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/animation/entonnoir").with(user(world.a().professional())))
                .andExpect(status().isForbidden());
    }

    private void mark(String question, Stage stage) {
        log.record(new QuestionnaireProgress(world.territoryId(), "emploi", 1, question, stage), null);
    }
}
