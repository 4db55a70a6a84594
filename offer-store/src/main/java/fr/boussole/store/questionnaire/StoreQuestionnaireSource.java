package fr.boussole.store.questionnaire;

import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.QuestionnaireException;
import fr.boussole.core.questionnaire.QuestionnaireFormat;
import fr.boussole.core.questionnaire.QuestionnaireSource;
import fr.boussole.core.questionnaire.Questionnaires;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The questionnaires the bot serves: a territory's latest published version, else the national one.
 * <p>
 * A published version never changes, so each is read and checked once and kept. Which version is the
 * latest is remembered per territory and theme, forgotten when this instance saves a questionnaire and
 * every {@code boussole.store.index-refresh} (as the offer index), so that several instances sharing a
 * database converge.
 */
@Component
public class StoreQuestionnaireSource implements QuestionnaireSource {

    private static final Logger log = LoggerFactory.getLogger(StoreQuestionnaireSource.class);

    private final StoredQuestionnaires stored;
    private final Questionnaires national;
    private final QuestionnaireFormat format;
    private final Map<String, Optional<Integer>> latest = new ConcurrentHashMap<>();
    private final Map<String, Questionnaire> versions = new ConcurrentHashMap<>();

    StoreQuestionnaireSource(StoredQuestionnaires stored, Questionnaires national, QuestionnaireFormat format) {
        this.stored = stored;
        this.national = national;
        this.format = format;
    }

    @Override
    public Optional<Questionnaire> current(String territoryId, String theme) {
        if (territoryId == null || theme == null) {
            return Optional.ofNullable(theme).flatMap(national::forTheme);
        }
        Optional<Integer> version = latest.computeIfAbsent(territoryId + "\n" + theme, key -> stored
                .findFirstByTerritoryIdAndThemeAndStateOrderByVersionDesc(territoryId, theme,
                        StoredQuestionnaire.State.PUBLISHED)
                .map(StoredQuestionnaire::getVersion));
        return version.flatMap(v -> version(TerritoryQuestionnaireIds.of(territoryId, theme), v))
                .or(() -> national.forTheme(theme));
    }

    @Override
    public Optional<Questionnaire> version(String questionnaireId, int version) {
        if (questionnaireId == null) {
            return Optional.empty();
        }
        Optional<TerritoryQuestionnaireIds.Owner> owner = TerritoryQuestionnaireIds.owner(questionnaireId);
        if (owner.isEmpty()) {
            return national.byTheme().values().stream()
                    .filter(q -> q.id().equals(questionnaireId) && q.version() == version).findFirst();
        }
        String key = questionnaireId + "\n" + version;
        Questionnaire known = versions.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Questionnaire> read = stored.findById(TerritoryQuestionnaireIds.published(
                        owner.get().territoryId(), owner.get().theme(), version))
                .filter(q -> q.getState() == StoredQuestionnaire.State.PUBLISHED)
                .flatMap(q -> readable(questionnaireId + " v" + version, q.getYaml()));
        read.ifPresent(q -> versions.put(key, q));
        return read;
    }

    /**
     * A version that passed the rules when it was published but no longer reads (a rule added since)
     * is not served: the territory falls back to the national questionnaire, and the log says why.
     */
    private Optional<Questionnaire> readable(String origin, String yaml) {
        try {
            return Optional.of(format.read(origin, yaml));
        } catch (QuestionnaireException unreadable) {
            log.error("Questionnaire {} cannot be served: {}", origin, unreadable.getMessage());
            return Optional.empty();
        }
    }

    /** The national questionnaire of a theme, the default of every territory. */
    public Optional<Questionnaire> national(String theme) {
        return national.forTheme(theme);
    }

    @Override
    public Questionnaires national() {
        return national;
    }

    @Scheduled(fixedDelayString = "${boussole.store.index-refresh:PT1M}", initialDelayString = "${boussole.store.index-refresh:PT1M}")
    void forgetLatest() {
        latest.clear();
    }

    @EventListener
    void onSave(AfterSaveEvent<?> event) {
        if (event.getSource() instanceof StoredQuestionnaire) {
            latest.clear();
        }
    }

    @EventListener
    void onDelete(AfterDeleteEvent<?> event) {
        if (event.getType() == null || StoredQuestionnaire.class.equals(event.getType())) {
            latest.clear();
        }
    }
}
