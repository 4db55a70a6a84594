package fr.boussole.console.questionnaires;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import fr.boussole.core.questionnaire.Option;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;
import fr.boussole.store.questionnaire.TerritoryQuestionnaires;
import fr.boussole.store.territory.Territories;
import fr.boussole.store.territory.TerritoryStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The simulator runs the real engine and understanding on the draft, in a territory still in
 * preparation, and leaves no trace: no request, no search, no conversation in the store. The engine asks
 * only the questions that change which offers match or that have an urgent answer: the draft's new
 * question has one, so it is asked, and choosing it gives the help line at once.
 */
class SimulatorTest extends ConsoleIntegrationTest {

    private static final String BASE = "/console/animation/questionnaires";

    @Autowired TerritoryQuestionnaires questionnaires;
    @Autowired Territories territories;
    @Autowired MongoTemplate mongo;

    private Fixtures.World world;
    private final MockHttpSession session = new MockHttpSession();

    @BeforeEach
    void aTerritoryInPreparationWithADraft() {
        world = fixtures.world();
        var territory = territories.findById(world.territoryId()).orElseThrow();
        territory.setStatus(TerritoryStatus.IN_PREPARATION);
        territories.save(territory);
        var draft = questionnaires.startDraft(world.territoryId(), "emploi", "ac_test");
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("abri", "Tu as un endroit où dormir ce soir ?", null, new Question.SingleChoice(List.of(
                new Option("oui", "Oui"), new Option("non", "Non, pas ce soir", List.of(), true))), null));
        steps.addAll(draft.questionnaire().steps());
        questionnaires.saveDraft(world.territoryId(), "emploi", new Questionnaire(draft.questionnaire().id(),
                draft.questionnaire().version(), "emploi", steps), draft.revision(), "ac_test");
    }

    @Test
    void a_young_person_of_a_territory_in_preparation_meets_the_draft_and_nothing_is_stored() throws Exception {
        long requestsBefore = count("contactRequests");
        long searchesBefore = count("searches");
        long marksBefore = count("questionnaire_funnel");

        mvc.perform(get(BASE + "/emploi/simulateur").with(user(world.animateur())).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"in-preparation\"")))
                .andExpect(content().string(containsString("/console/assets/simulator.js")));

        say("Bonjour").andExpect(jsonPath("$.items[0].kind").value("reply"));
        say("19 ans");
        say("Cahors");
        say("emploi").andExpect(jsonPath("$.items[0].text").value(containsString("Tu as un endroit où dormir ce soir ?")))
                .andExpect(jsonPath("$.items[0].choices[0].label").value("Oui"));
        choose("non", "Non, pas ce soir")
                .andExpect(jsonPath("$.items[0].text").value(containsString("Si c'est urgent, appelle le 15 ou le 112.")));

        assertThat(count("contactRequests")).isEqualTo(requestsBefore);
        assertThat(count("searches")).isEqualTo(searchesBefore);
        assertThat(count("questionnaire_funnel")).isEqualTo(marksBefore);
        assertThat(mongo.getCollectionNames()).doesNotContain("conversations", "inbound_messages", "outbox");
    }

    @Test
    void the_trial_starts_again_and_bad_messages_get_a_clear_answer() throws Exception {
        say("Bonjour");
        say("19 ans");
        mvc.perform(post(BASE + "/emploi/simulateur/recommencer").with(user(world.animateur())).with(csrf()).session(session))
                .andExpect(status().isNoContent());
        say("Bonjour").andExpect(jsonPath("$.items[0].kind").value("reply"));

        mvc.perform(post(BASE + "/emploi/simulateur/messages").with(user(world.animateur())).with(csrf()).session(session)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"a\",\"choice\":\"b\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(BASE + "/emploi/simulateur/messages").with(user(world.animateur())).with(csrf()).session(session)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + "a".repeat(2001) + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(BASE + "/emploi/simulateur/messages").with(user(world.animateur())).with(csrf()).session(session)
                        .contentType(MediaType.APPLICATION_JSON).content("pas du json"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(BASE + "/emploi/simulateur/messages").with(user(world.animateur())).session(session)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Bonjour\"}"))
                .andExpect(status().isForbidden());
    }

    private org.springframework.test.web.servlet.ResultActions say(String text) throws Exception {
        return mvc.perform(post(BASE + "/emploi/simulateur/messages").with(user(world.animateur())).with(csrf())
                        .session(session).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"" + text + "\"}"))
                .andExpect(status().isOk());
    }

    private org.springframework.test.web.servlet.ResultActions choose(String id, String label) throws Exception {
        return mvc.perform(post(BASE + "/emploi/simulateur/messages").with(user(world.animateur())).with(csrf())
                        .session(session).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"choice\":\"" + id + "\",\"label\":\"" + label + "\"}"))
                .andExpect(status().isOk());
    }

    private long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }
}
