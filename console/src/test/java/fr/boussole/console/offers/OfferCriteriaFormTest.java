package fr.boussole.console.offers;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import fr.boussole.core.questionnaire.Option;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;
import fr.boussole.store.offer.Criterion;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.questionnaire.TerritoryQuestionnaires;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

/** A professional picks an offer's criteria among the answers of the questionnaire in force in the territory. */
class OfferCriteriaFormTest extends ConsoleIntegrationTest {

    @Autowired Offers offers;
    @Autowired TerritoryQuestionnaires questionnaires;

    private Fixtures.World world;

    @BeforeEach
    void territory() {
        world = fixtures.world();
    }

    @Test
    void the_form_offers_the_answers_of_the_national_questionnaire_and_stores_the_ticked_ones() throws Exception {
        mvc.perform(get("/console/offres/nouvelle").with(user(world.a().professional())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"emploi|situation|etudiant\"")))
                .andExpect(content().string(containsString("value=\"logement|situation-logement|sans-logement\"")));

        mvc.perform(offer("/console/offres/nouvelle", "emploi")
                        .param("criteria", "emploi|situation|etudiant", "emploi|situation|lyceen", "emploi|permis-b|oui",
                                "logement|situation-logement|foyer"))
                .andExpect(redirectedUrl("/console/offres?enregistree"));

        var created = offers.findByOrganisationId(world.a().id()).stream()
                .filter(o -> o.getTitle().equals("Atelier CV")).findFirst().orElseThrow();
        assertThat(created.getCriteria()).containsExactlyInAnyOrder(
                new Criterion("permis-b", Set.of("oui")), new Criterion("situation", Set.of("etudiant", "lyceen")));
    }

    @Test
    void after_a_new_version_its_answers_are_offered_and_a_criterion_it_dropped_is_shown_to_be_kept_or_removed()
            throws Exception {
        var offer = offers.findById(world.a().offerId()).orElseThrow();
        offer.setCriteria(List.of(new Criterion("type-emploi", Set.of("saisonnier", "emploi-durable"))));
        offers.save(offer);
        publishWithoutSeasonalJobsAndWithATransportQuestion();

        mvc.perform(get("/console/offres/" + offer.getId()).with(user(world.a().professional())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"emploi|transport|velo\"")))
                .andExpect(content().string(containsString("<span>saisonnier</span><small class=\"late\"> (n'existe plus)</small>")))
                .andExpect(content().string(containsString("id=\"criterion-emploi|type-emploi|saisonnier\" checked=\"checked\"")));

        mvc.perform(offer("/console/offres/" + offer.getId(), "emploi")
                        .param("criteria", "emploi|type-emploi|emploi-durable", "emploi|transport|velo"))
                .andExpect(redirectedUrl("/console/offres?enregistree"));

        assertThat(offers.findById(offer.getId()).orElseThrow().getCriteria()).containsExactlyInAnyOrder(
                new Criterion("type-emploi", Set.of("emploi-durable")), new Criterion("transport", Set.of("velo")));
    }

    @Test
    void an_answer_the_page_could_not_have_offered_is_refused_and_nothing_is_saved() throws Exception {
        mvc.perform(offer("/console/offres/" + world.a().offerId(), "emploi").param("criteria", "emploi|situation|inventee"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"criteria-refused\"")));
        mvc.perform(offer("/console/offres/" + world.a().offerId(), "emploi").param("criteria", "pas un jeton"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"criteria-refused\"")));

        assertThat(offers.findById(world.a().offerId()).orElseThrow().getTitle()).isEqualTo(world.a().offerTitle());
    }

    @Test
    void another_territory_keeps_the_national_answers() throws Exception {
        publishWithoutSeasonalJobsAndWithATransportQuestion();
        Fixtures.World other = fixtures.world();

        mvc.perform(get("/console/offres/nouvelle").with(user(other.a().professional())))
                .andExpect(content().string(not(containsString("emploi|transport|velo"))))
                .andExpect(content().string(containsString("emploi|type-emploi|saisonnier")));
    }

    private void publishWithoutSeasonalJobsAndWithATransportQuestion() {
        var draft = questionnaires.startDraft(world.territoryId(), "emploi", "ac_test");
        List<Step> steps = new ArrayList<>();
        for (Step step : draft.questionnaire().steps()) {
            if (step.id().equals("type-emploi")) {
                steps.add(new Step(step.id(), step.text(), null, new Question.MultipleChoice(List.of(
                        new Option("emploi-durable", "Un emploi durable"), new Option("peu-importe", "Je ne sais pas"))), null));
            } else {
                steps.add(step);
            }
        }
        steps.add(new Step("transport", "Comment tu te déplaces ?", null, new Question.SingleChoice(List.of(
                new Option("velo", "À vélo"), new Option("bus", "En bus"))), null));
        var saved = questionnaires.saveDraft(world.territoryId(), "emploi", new Questionnaire(draft.questionnaire().id(),
                draft.questionnaire().version(), "emploi", steps), draft.revision(), "ac_test");
        questionnaires.publish(world.territoryId(), "emploi", saved.revision(), "ac_test");
    }

    private MockHttpServletRequestBuilder offer(String path, String theme) {
        return post(path).with(user(world.a().professional())).with(csrf())
                .param("title", "Atelier CV").param("description", "On fait ton CV.").param("theme", theme)
                .param("place", "Cahors").param("contactDelayDays", "3").param("communes", "")
                .param("ageMin", "16").param("ageMax", "30");
    }
}
