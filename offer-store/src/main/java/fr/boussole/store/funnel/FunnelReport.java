package fr.boussole.store.funnel;

import fr.boussole.core.conversation.DialogEvent.QuestionnaireProgress.Stage;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.QuestionnaireSource;
import fr.boussole.core.questionnaire.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * The counts behind the animateur's funnel and unmet-demand pages, worked out by the store (a group-by,
 * never a list of marks): per questionnaire version, how many journeys reached and answered each
 * question, completed the questionnaire and made a request; and the searches that found no offer, by
 * commune and theme. Only counts leave this class.
 */
@Component
public class FunnelReport {

    /** One question of a version: journeys that reached it, and that answered it (the rest stopped or skipped). */
    public record QuestionCount(String questionId, String text, long reached, long answered) {
        /** Reached but not answered: the journeys that stopped here or were let through without an answer. */
        public long notAnswered() {
            return Math.max(0, reached - answered);
        }
    }

    /**
     * @param started   journeys that reached its first question
     * @param completed journeys that answered to the end and were shown the offers
     * @param requested requests made under this version
     */
    public record VersionFunnel(String questionnaireId, int version, String theme, long started,
                                List<QuestionCount> questions, long completed, long requested) {
        public VersionFunnel {
            questions = List.copyOf(questions);
        }
    }

    /** Searches that found no offer, for one commune and theme. */
    public record UnmetDemand(String communeInsee, String theme, long searches) {}

    private final MongoTemplate mongo;
    private final QuestionnaireSource questionnaires;

    FunnelReport(MongoTemplate mongo, QuestionnaireSource questionnaires) {
        this.mongo = mongo;
        this.questionnaires = questionnaires;
    }

    /** Every version that has marks in the territory since then, by theme and latest version first. */
    public List<VersionFunnel> funnels(String territoryId, Instant since) {
        Aggregation count = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("territoryId").is(territoryId).and("at").gte(since)),
                Aggregation.group("questionnaireId", "version", "questionId", "stage").count().as("n"));
        Map<String, Map<String, long[]>> perVersion = new LinkedHashMap<>();
        Map<String, long[]> totals = new HashMap<>();
        for (Document row : mongo.aggregate(count, FunnelMark.class, Document.class).getMappedResults()) {
            Document key = row.get("_id") instanceof Document id ? id : row;
            String version = key.getString("questionnaireId") + "\n" + ((Number) key.get("version")).intValue();
            Stage stage = Stage.valueOf(key.getString("stage"));
            long n = ((Number) row.get("n")).longValue();
            switch (stage) {
                case REACHED, ANSWERED -> perVersion.computeIfAbsent(version, v -> new LinkedHashMap<>())
                        .computeIfAbsent(String.valueOf(key.getString("questionId")), q -> new long[2])[stage == Stage.REACHED ? 0 : 1] += n;
                case COMPLETED, REQUESTED -> totals.computeIfAbsent(version, v -> new long[2])[stage == Stage.COMPLETED ? 0 : 1] += n;
            }
            perVersion.computeIfAbsent(version, v -> new LinkedHashMap<>());
        }
        List<VersionFunnel> funnels = new ArrayList<>();
        perVersion.forEach((version, counts) -> {
            String questionnaireId = version.substring(0, version.indexOf('\n'));
            int number = Integer.parseInt(version.substring(version.indexOf('\n') + 1));
            Optional<Questionnaire> questionnaire = questionnaires.version(questionnaireId, number);
            List<QuestionCount> questions = new ArrayList<>();
            Map<String, long[]> left = new LinkedHashMap<>(counts);
            questionnaire.ifPresent(q -> {
                for (Step step : q.steps()) {
                    long[] c = left.remove(step.id());
                    questions.add(new QuestionCount(step.id(), step.text(), c == null ? 0 : c[0], c == null ? 0 : c[1]));
                }
            });
            // Questions the version does not list (it could not be read): most reached, then most answered, first.
            left.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                            .thenComparingLong(e -> -e.getValue()[1]).thenComparing(Map.Entry::getKey))
                    .forEach(e -> questions.add(new QuestionCount(e.getKey(), e.getKey(), e.getValue()[0], e.getValue()[1])));
            long started = questions.stream().mapToLong(QuestionCount::reached).max().orElse(0);
            long[] total = totals.getOrDefault(version, new long[2]);
            String theme = questionnaire.map(Questionnaire::theme).orElse(questionnaireId);
            funnels.add(new VersionFunnel(questionnaireId, number, theme, started, questions, total[0], total[1]));
        });
        funnels.sort(Comparator.comparing(VersionFunnel::theme).thenComparing(VersionFunnel::questionnaireId)
                .thenComparing(Comparator.comparingInt(VersionFunnel::version).reversed()));
        return funnels;
    }

    /** The searches without any offer in the territory since then, by commune and theme, most frequent first. */
    public List<UnmetDemand> unmetDemand(String territoryId, Instant since) {
        Aggregation count = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("territoryId").is(territoryId).and("offersFound").is(0).and("at").gte(since)),
                Aggregation.group("communeInsee", "theme").count().as("n"));
        List<UnmetDemand> demand = new ArrayList<>();
        for (Document row : mongo.aggregate(count, "searches", Document.class).getMappedResults()) {
            Document key = row.get("_id") instanceof Document id ? id : row;
            demand.add(new UnmetDemand(key.getString("communeInsee"), key.getString("theme"),
                    ((Number) row.get("n")).longValue()));
        }
        demand.sort(Comparator.comparingLong(UnmetDemand::searches).reversed()
                .thenComparing(UnmetDemand::theme, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(UnmetDemand::communeInsee, Comparator.nullsLast(Comparator.naturalOrder())));
        return demand;
    }
}
