package fr.boussole.console.questionnaires;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Step;
import fr.boussole.store.offer.Criterion;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.questionnaire.StoreQuestionnaireSource;
import fr.boussole.store.questionnaire.TerritoryQuestionnaires;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An animateur adapts a theme's questionnaire in a draft, question by question, and publishes it. */
class QuestionnaireEditorTest extends ConsoleIntegrationTest {

    private static final String BASE = "/console/animation/questionnaires";

    @Autowired TerritoryQuestionnaires questionnaires;
    @Autowired StoreQuestionnaireSource source;
    @Autowired Offers offers;
    @Autowired MongoTemplate mongo;

    private Fixtures.World world;

    @BeforeEach
    void territory() {
        world = fixtures.world();
    }

    @Test
    void the_list_shows_the_national_questionnaire_in_force_and_a_draft_is_started_from_it() throws Exception {
        mvc.perform(get(BASE).with(user(world.animateur())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("National, version 1")))
                .andExpect(content().string(containsString("Préparer un brouillon")));

        mvc.perform(post(BASE + "/emploi/brouillon").with(user(world.animateur())).with(csrf()))
                .andExpect(redirectedUrl(BASE + "/emploi/brouillon"));

        mvc.perform(get(BASE + "/emploi/brouillon").with(user(world.animateur())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tu fais quoi en ce moment ?")))
                .andExpect(content().string(containsString("Pas posée si « Tu fais quoi en ce moment ? » : Collège")))
                .andExpect(content().string(containsString("il deviendra la version <strong>1</strong>")));
        assertThat(audit("QUESTIONNAIRE_DRAFT_STARTED")).isEqualTo(1);
    }

    @Test
    void a_question_is_edited_with_a_new_choice_and_a_condition() throws Exception {
        var draft = questionnaires.startDraft(world.territoryId(), "emploi", "ac_test");

        mvc.perform(edit("permis-b", draft.revision())
                        .param("text", "Tu as le permis de conduire ?")
                        .param("help", "")
                        .param("conditions[0].question", "situation").param("conditions[0].mode", "UNLESS")
                        .param("conditions[0].values", "collegien", "lyceen"))
                .andExpect(redirectedUrl(BASE + "/emploi/brouillon?enregistre"));

        Step licence = questionnaires.draft(world.territoryId(), "emploi").orElseThrow().questionnaire().step("permis-b").orElseThrow();
        assertThat(licence.text()).isEqualTo("Tu as le permis de conduire ?");
        assertThat(licence.help()).isNull();
        assertThat(licence.condition().unless()).containsEntry("situation", Set.of("collegien", "lyceen"));
        mvc.perform(get(BASE + "/emploi/brouillon.yaml").with(user(world.animateur())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string(containsString("unless: {situation: [collegien, lyceen]}")));
    }

    @Test
    void a_choice_is_marked_urgent_and_the_stored_version_says_so() throws Exception {
        var draft = questionnaires.startDraft(world.territoryId(), "emploi", "ac_test");

        mvc.perform(edit("temps-travail", draft.revision()).param("text", "Plutôt temps plein ou temps partiel ?")
                        .param("type", "single")
                        .param("options[0].existing", "true").param("options[0].id", "temps-plein").param("options[0].label", "Temps plein")
                        .param("options[0].urgent", "true")
                        .param("options[1].existing", "true").param("options[1].id", "temps-partiel").param("options[1].label", "Temps partiel")
                        .param("options[2].existing", "true").param("options[2].id", "peu-importe").param("options[2].label", "Peu importe"))
                .andExpect(redirectedUrl(BASE + "/emploi/brouillon?enregistre"));

        mvc.perform(get(BASE + "/emploi/brouillon.yaml").with(user(world.animateur())))
                .andExpect(content().string(containsString("{id: temps-plein, label: \"Temps plein\", urgent: true}")));
        mvc.perform(get(BASE + "/emploi/brouillon").with(user(world.animateur())))
                .andExpect(content().string(containsString("class=\"badge late\">urgent</small>")));
    }

    @Test
    void a_new_question_with_choices_is_added_at_the_end() throws Exception {
        var draft = questionnaires.startDraft(world.territoryId(), "emploi", "ac_test");

        mvc.perform(get(BASE + "/emploi/brouillon/questions/nouvelle").param("type", "single").with(user(world.animateur())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Quand poser cette question ?")));
        mvc.perform(post(BASE + "/emploi/brouillon/questions/nouvelle").with(user(world.animateur())).with(csrf())
                        .param("revision", Long.toString(draft.revision())).param("type", "single").param("id", "mobilite")
                        .param("text", "Tu peux aller travailler loin ?")
                        .param("options[0].label", "Oui, même loin").param("options[0].position", "1")
                        .param("options[1].label", "Non, près de chez moi").param("options[1].id", "pres").param("options[1].position", "2")
                        .param("options[2].label", "").param("options[2].position", "3"))
                .andExpect(redirectedUrl(BASE + "/emploi/brouillon?enregistre"));

        var steps = questionnaires.draft(world.territoryId(), "emploi").orElseThrow().questionnaire().steps();
        assertThat(steps.getLast().id()).isEqualTo("mobilite");
        assertThat(QuestionForms.options(steps.getLast().question())).extracting(o -> o.id() + "=" + o.label())
                .containsExactly("oui-meme-loin=Oui, même loin", "pres=Non, près de chez moi");
    }

    @Test
    void deleting_a_question_a_later_one_depends_on_is_refused_with_the_reason() throws Exception {
        var draft = questionnaires.startDraft(world.territoryId(), "emploi", "ac_test");

        mvc.perform(post(BASE + "/emploi/brouillon/questions/situation/supprimer").with(user(world.animateur())).with(csrf())
                        .param("revision", Long.toString(draft.revision())))
                .andExpect(redirectedUrl(BASE + "/emploi/brouillon?refuse"))
                .andDo(result -> mvc.perform(get(BASE + "/emploi/brouillon?refuse").with(user(world.animateur()))
                                .flashAttrs(result.getFlashMap()))
                        .andExpect(content().string(containsString(
                                "La question « diplome » dépend de « situation », qui n&#39;existerait plus."))));

        assertThat(questionnaires.draft(world.territoryId(), "emploi").orElseThrow()).isEqualTo(draft);
    }

    @Test
    void a_form_that_means_nothing_is_shown_again_with_its_errors_and_nothing_is_stored() throws Exception {
        var draft = questionnaires.startDraft(world.territoryId(), "emploi", "ac_test");

        mvc.perform(edit("temps-travail", draft.revision()).param("text", " ")
                        .param("options[0].existing", "true").param("options[0].id", "temps-plein").param("options[0].label", "")
                        .param("options[1].existing", "true").param("options[1].id", "temps-partiel").param("options[1].label", "Partiel")
                        .param("conditions[0].question", "situation").param("conditions[0].mode", "WHEN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Écrivez la question.")))
                .andExpect(content().string(containsString("Écrivez le libellé du choix")));
        mvc.perform(edit("situation", draft.revision()).param("text", "Tu fais quoi ?").param("type", "single"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Il faut au moins deux choix.")));
        mvc.perform(edit("situation", draft.revision()).param("text", "Tu fais quoi ?").param("options[9999].label", "loin"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(BASE + "/emploi/brouillon/questions/situation").with(user(world.animateur())).with(csrf())
                        .param("revision", "abc").param("text", "Tu fais quoi ?"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vérifiez les champs signalés.")));

        assertThat(questionnaires.draft(world.territoryId(), "emploi").orElseThrow()).isEqualTo(draft);
    }

    @Test
    void a_change_made_on_an_outdated_page_is_refused() throws Exception {
        var draft = questionnaires.startDraft(world.territoryId(), "emploi", "ac_test");
        mvc.perform(post(BASE + "/emploi/brouillon/questions/permis-b/monter").with(user(world.animateur())).with(csrf())
                        .param("revision", Long.toString(draft.revision())))
                .andExpect(redirectedUrl(BASE + "/emploi/brouillon?enregistre"));

        mvc.perform(edit("permis-b", draft.revision()).param("text", "Permis ?"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Le brouillon a été modifié entre-temps")));
        mvc.perform(post(BASE + "/emploi/brouillon/publier").with(user(world.animateur())).with(csrf())
                        .param("revision", Long.toString(draft.revision())))
                .andExpect(redirectedUrl(BASE + "/emploi/brouillon?modifie"));
        assertThat(questionnaires.published(world.territoryId(), "emploi")).isEmpty();
    }

    @Test
    void publishing_lists_the_offers_that_would_stop_matching_and_needs_a_confirmation_then_serves_the_new_version()
            throws Exception {
        var offer = offers.findById(world.a().offerId()).orElseThrow();
        offer.setCriteria(List.of(new Criterion("type-emploi", Set.of("saisonnier"))));
        offers.save(offer);
        var draft = questionnaires.startDraft(world.territoryId(), "emploi", "ac_test");
        mvc.perform(edit("type-emploi", draft.revision()).param("text", "Quel travail ?").param("type", "multiple")
                        .param("options[0].existing", "true").param("options[0].id", "saisonnier").param("options[0].label", "Saisonnier")
                        .param("options[0].remove", "true")
                        .param("options[1].existing", "true").param("options[1].id", "emploi-durable").param("options[1].label", "Durable")
                        .param("options[2].existing", "true").param("options[2].id", "peu-importe").param("options[2].label", "Peu importe"))
                .andExpect(redirectedUrl(BASE + "/emploi/brouillon?enregistre"));
        long revision = questionnaires.draft(world.territoryId(), "emploi").orElseThrow().revision();

        mvc.perform(get(BASE + "/emploi/brouillon").with(user(world.animateur())))
                .andExpect(content().string(containsString("Accompagnement vers l")))
                .andExpect(content().string(containsString("ne sera plus proposée à qui répond à cette question")));
        mvc.perform(post(BASE + "/emploi/brouillon/publier").with(user(world.animateur())).with(csrf())
                        .param("revision", Long.toString(revision)))
                .andExpect(redirectedUrl(BASE + "/emploi/brouillon?confirmer"));
        assertThat(source.current(world.territoryId(), "emploi").orElseThrow().id()).isEqualTo("emploi");

        mvc.perform(post(BASE + "/emploi/brouillon/publier").with(user(world.animateur())).with(csrf())
                        .param("revision", Long.toString(revision)).param("confirm", "true"))
                .andExpect(redirectedUrl(BASE + "?publie=emploi"));

        var served = source.current(world.territoryId(), "emploi").orElseThrow();
        assertThat(served.id()).isEqualTo("emploi@" + world.territoryId());
        assertThat(served.version()).isEqualTo(1);
        assertThat(QuestionForms.options(served.step("type-emploi").orElseThrow().question()))
                .extracting(o -> o.id()).doesNotContain("saisonnier");
        mvc.perform(get(BASE).with(user(world.animateur())))
                .andExpect(content().string(containsString("Version 1 du territoire")));
        mvc.perform(get(BASE + "/emploi/versions/1").with(user(world.animateur())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("emploi@" + world.territoryId())));
        mvc.perform(get(BASE + "/emploi/versions/1.yaml").with(user(world.animateur())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("version: 1\n")));
        assertThat(audit("QUESTIONNAIRE_PUBLISHED")).isEqualTo(1);
    }

    @Test
    void another_territory_a_theme_not_active_or_a_question_that_does_not_exist_is_not_found() throws Exception {
        questionnaires.startDraft(world.territoryId(), "emploi", "ac_test");
        Fixtures.World other = fixtures.world();

        mvc.perform(get(BASE).with(user(other.animateur())))
                .andExpect(content().string(not(containsString("Ouvrir le brouillon"))));
        mvc.perform(get(BASE + "/emploi/brouillon/questions/situation").with(user(other.animateur())))
                .andExpect(redirectedUrl(BASE + "?sans-brouillon"));
        mvc.perform(get(BASE + "/sport/brouillon").with(user(world.animateur()))).andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/emploi/brouillon/questions/inconnue").with(user(world.animateur())))
                .andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/emploi/versions/3").with(user(world.animateur()))).andExpect(status().isNotFound());
        mvc.perform(get(BASE).with(user(world.a().professional()))).andExpect(status().isForbidden());
    }

    private MockHttpServletRequestBuilder edit(String stepId, long revision) {
        return post(BASE + "/emploi/brouillon/questions/" + stepId).with(user(world.animateur())).with(csrf())
                .param("revision", Long.toString(revision));
    }

    private long audit(String action) {
        return mongo.getCollection("console_audit_log")
                .countDocuments(new org.bson.Document("territoryId", world.territoryId()).append("action", action));
    }

    static boolean isChoice(Step step) {
        return step.question() instanceof Question.SingleChoice || step.question() instanceof Question.MultipleChoice;
    }
}
