package fr.boussole.store.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.core.questionnaire.Option;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;
import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.offer.Criterion;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Competence;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.organisation.ScopeLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Before publishing, the offers of the territory whose criteria the new questionnaire would break. */
class OfferCriteriaCheckTest extends StoreIntegrationTest {

    @Autowired OfferCriteriaCheck check;
    @Autowired TerritoryQuestionnaires questionnaires;
    @Autowired Offers offers;
    @Autowired Organisations organisations;

    @Test
    void criteria_naming_removed_values_or_questions_are_listed_with_what_they_would_do() {
        organisation("org_ml", "te_lot");
        organisation("org_far", "te_other");
        offer("of_students", "org_ml", "emploi", new Criterion("situation", Set.of("etudiant")));
        offer("of_mixed", "org_ml", "emploi", new Criterion("situation", Set.of("etudiant", "salarie")));
        offer("of_licence", "org_ml", "emploi", new Criterion("permis-b", Set.of("oui")));
        offer("of_any", "org_ml", "emploi", new Criterion("situation", Set.of(Criterion.ANY)));
        offer("of_health", "org_ml", "sante", new Criterion("situation", Set.of("etudiant")));
        offer("of_elsewhere", "org_far", "emploi", new Criterion("situation", Set.of("etudiant")));

        Questionnaire national = questionnaires.national("emploi").orElseThrow();
        List<Step> steps = new ArrayList<>();
        for (Step step : national.steps()) {
            if (step.id().equals("situation")) {
                steps.add(new Step("situation", step.text(), null, new Question.SingleChoice(List.of(
                        new Option("salarie", "Je travaille"), new Option("sans-activite", "Rien"),
                        new Option("collegien", "Collège"))), null));
            } else if (!step.id().equals("permis-b")) {
                steps.add(step);
            }
        }
        var issues = check.check("te_lot", new Questionnaire("emploi@te_lot", 1, "emploi", steps));

        assertThat(issues).extracting(i -> i.offerId() + " " + i.questionId() + " " + i.effect() + " " + i.missingValues())
                .containsExactly(
                        "of_students situation STOPS_MATCHING [etudiant]",
                        "of_mixed situation VALUES_GONE [etudiant]",
                        "of_licence permis-b QUESTION_GONE []");
        assertThat(check.check("te_lot", national)).isEmpty();
    }

    private void organisation(String id, String territoryId) {
        Organisation organisation = new Organisation(id, "Organisation " + id, OrganisationType.MISSION_LOCALE,
                new Competence(ScopeLevel.TERRITORY, List.of(territoryId)));
        organisation.setTerritoryId(territoryId);
        organisations.save(organisation);
    }

    private void offer(String id, String organisationId, String theme, Criterion criterion) {
        Offer offer = new Offer(id, organisationId, theme, "Offre " + id);
        offer.setCriteria(List.of(criterion));
        offer.setStatus(OfferStatus.ACTIVE);
        offers.save(offer);
    }
}
