package fr.boussole.store.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.core.conversation.DialogEvent.QuestionnaireProgress;
import fr.boussole.core.conversation.DialogEvent.QuestionnaireProgress.Stage;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.questionnaire.FunnelLog;
import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.search.Search;
import fr.boussole.store.search.SearchRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The funnel and the unmet demand are counted by the store from anonymous marks and searches. The
 * territory is this test's own: published versions are read once and kept by the questionnaire source
 * (they never change), so another test's "emploi@te_lot v2" would be found here.
 */
class FunnelReportTest extends StoreIntegrationTest {

    @Autowired FunnelLog log;
    @Autowired FunnelReport report;
    @Autowired SearchRecords searches;

    @Test
    void each_version_counts_its_journeys_per_question_in_the_questionnaire_order() {
        journey("te_funnel", "emploi", 1, 6, true, true);
        journey("te_funnel", "emploi", 1, 6, true, false);
        journey("te_funnel", "emploi", 1, 2, false, false); // stopped at the third question
        journey("te_funnel", "emploi@te_funnel", 2, 1, false, false);
        journey("te_other", "emploi", 1, 6, true, true);

        var funnels = report.funnels("te_funnel", Instant.EPOCH);

        assertThat(funnels).extracting(f -> f.questionnaireId() + " v" + f.version()).containsExactly("emploi v1", "emploi@te_funnel v2");
        var national = funnels.getFirst();
        assertThat(national.started()).isEqualTo(3);
        assertThat(national.questions()).extracting(q -> q.questionId() + " " + q.reached() + "/" + q.answered())
                .containsExactly("situation 3/3", "diplome 3/3", "type-emploi 3/2", "temps-travail 2/2", "permis-b 2/2",
                        "inscrit 2/2");
        assertThat(national.questions().getFirst().text()).isEqualTo("Tu fais quoi en ce moment ?");
        assertThat(national.questions().get(2).notAnswered()).isEqualTo(1);
        assertThat(national.completed()).isEqualTo(2);
        assertThat(national.requested()).isEqualTo(1);
        assertThat(funnels.get(1).questions()).extracting(q -> q.questionId() + " " + q.reached() + "/" + q.answered())
                .containsExactly("situation 1/1", "diplome 1/0");
    }

    @Test
    void a_replayed_mark_counts_once_and_a_period_counts_only_its_marks() {
        var reached = new QuestionnaireProgress("te_funnel", "emploi", 1, "situation", Stage.REACHED);
        log.record(reached, "qf_same");
        log.record(reached, "qf_same");
        clock.advance(Duration.ofDays(40));
        log.record(reached, Ids.random("qf"));

        assertThat(report.funnels("te_funnel", Instant.EPOCH).getFirst().questions().getFirst().reached()).isEqualTo(2);
        assertThat(report.funnels("te_funnel", clock.instant().minus(Duration.ofDays(30))).getFirst().questions()
                .getFirst().reached()).isEqualTo(1);
    }

    @Test
    void searches_without_an_offer_are_counted_by_commune_and_theme() {
        Instant at = clock.instant();
        for (String[] s : List.of(new String[] {"46042", "logement", "0"}, new String[] {"46042", "logement", "0"},
                new String[] {"46102", "sante", "0"}, new String[] {"46042", "emploi", "3"},
                new String[] {"46042", "logement", "0"})) {
            searches.save(new Search(Ids.random("se"), s[0], "te_funnel", s[1], Integer.parseInt(s[2]), at));
        }
        searches.save(new Search(Ids.random("se"), "12202", "te_other", "logement", 0, at));

        assertThat(report.unmetDemand("te_funnel", Instant.EPOCH)).containsExactly(
                new FunnelReport.UnmetDemand("46042", "logement", 3), new FunnelReport.UnmetDemand("46102", "sante", 1));
        assertThat(report.unmetDemand("te_funnel", at.plusSeconds(1))).isEmpty();
    }

    /** One journey's marks: the first {@code answered} questions answered, the next one reached. */
    private void journey(String territory, String questionnaire, int version, int answered, boolean completed,
                         boolean requested) {
        List<String> questions = List.of("situation", "diplome", "type-emploi", "temps-travail", "permis-b", "inscrit");
        for (int i = 0; i < Math.min(answered + 1, questions.size()); i++) {
            log.record(new QuestionnaireProgress(territory, questionnaire, version, questions.get(i), Stage.REACHED), null);
            if (i < answered) {
                log.record(new QuestionnaireProgress(territory, questionnaire, version, questions.get(i), Stage.ANSWERED), null);
            }
        }
        if (completed) {
            log.record(new QuestionnaireProgress(territory, questionnaire, version, null, Stage.COMPLETED), null);
        }
        if (requested) {
            log.record(new QuestionnaireProgress(territory, questionnaire, version, null, Stage.REQUESTED), null);
        }
    }
}
