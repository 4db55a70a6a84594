package fr.boussole.app.journey;

import com.fasterxml.jackson.databind.JsonNode;
import fr.boussole.core.questionnaire.Option;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;
import fr.boussole.store.offer.Criterion;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Competence;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationContact;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.organisation.ScopeLevel;
import fr.boussole.store.questionnaire.TerritoryQuestionnaires;
import fr.boussole.store.territory.Territories;
import fr.boussole.store.territory.Territory;
import fr.boussole.store.territory.TerritoryStatus;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A territory publishes its own emploi questionnaire (a new first question, with an urgent answer) while
 * a young person is answering the national one, in the whole application: that conversation finishes on the national version and its request
 * names it; the next young person answers the territory's version and their request names that; the
 * funnel counts both versions apart, with nothing of who.
 * <p>
 * The territory (Limoges, its own organisation and offer) is this test's only, so that the journeys of
 * the other tests sharing the application keep the Lot's questionnaires.
 */
class QuestionnaireVersionsIT extends RunningBot {

    private static final String TERRITORY = "te_versions-it";
    private static final String LIMOGES = "87085";
    /** The territory's new question: an urgent answer, so the bot asks it though no offer reads it. */
    private static final String SHELTER = "Tu as un endroit où dormir ce soir ?";

    @Autowired TerritoryQuestionnaires questionnaires;
    @Autowired Territories territories;
    @Autowired Organisations organisations;
    @Autowired Offers offers;

    @Test
    void a_conversation_in_progress_finishes_on_its_version_and_requests_keep_the_version_they_were_made_under() {
        territoryOfLimoges();
        Chat before = new Chat("versions-it-session-before", "lea.versions@example.org");
        before.say("bonjour", "22 ans, Limoges", "1");
        assertThat(before.last()).contains("Tu as le permis B (voiture) ?");

        var draft = questionnaires.startDraft(TERRITORY, "emploi", "ac_test");
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("abri", SHELTER, null, new Question.SingleChoice(List.of(
                new Option("oui", "Oui"), new Option("non", "Non, pas ce soir", List.of(), true))), null));
        steps.addAll(draft.questionnaire().steps());
        var edited = questionnaires.saveDraft(TERRITORY, "emploi", new Questionnaire(draft.questionnaire().id(),
                draft.questionnaire().version(), "emploi", steps), draft.revision(), "ac_test");
        questionnaires.publish(TERRITORY, "emploi", edited.revision(), "ac_test");

        before.say("non");
        assertThat(before.transcript).doesNotContain(SHELTER);
        before.request();
        Chat after = new Chat("versions-it-session-after", "hugo.versions@example.org");
        after.say("bonjour", "22 ans, Limoges", "1");
        assertThat(after.last()).contains(SHELTER);
        after.say("oui");
        assertThat(after.last()).contains("Tu as le permis B (voiture) ?");
        after.say("non");
        after.request();

        Document first = await("the first request", () -> contactRequestsOf("lea.versions@example.org").stream().findFirst().orElse(null));
        Document second = await("the second request", () -> contactRequestsOf("hugo.versions@example.org").stream().findFirst().orElse(null));
        assertThat(first.getString("questionnaireId")).isEqualTo("emploi");
        assertThat(first.getInteger("questionnaireVersion")).isEqualTo(1);
        assertThat(second.getString("questionnaireId")).isEqualTo("emploi@" + TERRITORY);
        assertThat(second.getInteger("questionnaireVersion")).isEqualTo(1);

        List<Document> marks = mongo.find(Query.query(Criteria.where("territoryId").is(TERRITORY)), Document.class,
                "questionnaire_funnel");
        assertThat(marks).extracting(m -> m.getString("questionnaireId") + " " + m.getString("stage") + " " + m.getString("questionId"))
                .contains("emploi REACHED permis-b", "emploi REQUESTED null",
                        "emploi@" + TERRITORY + " REACHED abri", "emploi@" + TERRITORY + " REQUESTED null")
                .doesNotContain("emploi REACHED abri");
        assertThat(marks).allSatisfy(m -> assertThat(m.keySet())
                .isSubsetOf(Set.of("_id", "_class", "territoryId", "questionnaireId", "version", "questionId", "stage", "at")));
    }

    private void territoryOfLimoges() {
        Territory territory = new Territory(TERRITORY, "Boussole de Limoges (test)", TerritoryStatus.OPEN);
        territory.setCommunes(List.of(LIMOGES));
        territory.setActiveThemes(List.of("emploi"));
        territories.save(territory);
        Organisation organisation = new Organisation("or_versions-it", "Mission locale de Limoges (test)",
                OrganisationType.MISSION_LOCALE, new Competence(ScopeLevel.TERRITORY, List.of(TERRITORY)));
        organisation.setTerritoryId(TERRITORY);
        organisation.setContacts(List.of(new OrganisationContact("Accueil", "accueil", null, "ml-limoges@example.org", true)));
        organisations.save(organisation);
        for (String title : List.of("Trouver un emploi à Limoges", "Atelier CV à Limoges")) {
            Offer offer = new Offer("of_versions-it-" + title.length(), organisation.getId(), "emploi", title);
            offer.setDescription("Un conseiller t'aide à chercher un emploi.");
            offer.setPlace("Limoges");
            offer.setContactDelayDays(3);
            offer.setStatus(OfferStatus.ACTIVE);
            if (title.startsWith("Trouver")) {
                // for those without a licence: so the national questionnaire's licence question is asked
                offer.setCriteria(List.of(new Criterion("permis-b", Set.of("non"))));
            }
            offers.save(offer);
        }
    }

    /** One web chat conversation over real HTTP. */
    private final class Chat {
        private final String session;
        private final String email;
        private List<JsonNode> replies = List.of();
        private final StringBuilder transcript = new StringBuilder();

        Chat(String session, String email) {
            this.session = session;
            this.email = email;
        }

        void say(String... lines) {
            for (String line : lines) {
                post("{\"text\":\"" + line + "\"}");
            }
        }

        String last() {
            return replies.getLast().get("text").asText();
        }

        /** From the offers: the first one, its card's consent, the email as the contact. */
        void request() {
            JsonNode choices = replies.getLast().get("choices");
            assertThat(choices.get(0).get("id").asText()).as(transcript.toString()).startsWith("offre:");
            post("{\"choice\":\"" + choices.get(0).get("id").asText() + "\"}");
            post("{\"choice\":\"contactez-moi\"}");
            say(email);
            assertThat(replies.getFirst().get("text").asText()).as(transcript.toString()).startsWith("C'est envoyé");
        }

        private void post(String body) {
            HttpResponse<String> response = postJson("/api/chat/" + session + "/messages", body);
            assertThat(response.statusCode()).as(body).isEqualTo(200);
            List<JsonNode> all = new ArrayList<>();
            json(response.body()).get("replies").forEach(all::add);
            assertThat(all).as("replies to " + body).isNotEmpty();
            replies = all;
            transcript.append("\n> ").append(body);
            all.forEach(r -> transcript.append("\n< ").append(r));
        }
    }
}
