package fr.boussole.store.questionnaire;

import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.QuestionnaireFormat;
import fr.boussole.core.questionnaire.QuestionnaireProblem;
import fr.boussole.core.questionnaire.QuestionnaireRules;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * A territory's questionnaires, theme by theme: the one in force (its latest published version, else
 * the national one), at most one draft copied from it and edited, and the published versions.
 * <p>
 * A draft always keeps {@link QuestionnaireRules} (a change that would break it is refused whole), so
 * that it can be tried in the simulator at any time. Publishing gives it the next version number and
 * makes it read-only for good; every change names the draft's revision, so that two animateurs never
 * overwrite each other's work without knowing.
 */
@Component
public class TerritoryQuestionnaires {

    /** A published version, for lists and the processing register. */
    public record Version(String questionnaireId, int version, String theme, String basedOnId, int basedOnVersion,
                          String publishedBy, Instant publishedAt) {}

    /** The draft of a theme: what it holds now, its revision (to name when changing it), and where it comes from. */
    public record Draft(Questionnaire questionnaire, long revision, String basedOnId, int basedOnVersion,
                        String updatedBy, Instant updatedAt) {
        /** Whether it was copied from the national questionnaire (else from a version of the territory). */
        public boolean copiedFromNational() {
            return TerritoryQuestionnaireIds.owner(basedOnId).isEmpty();
        }
    }

    private final StoredQuestionnaires stored;
    private final StoreQuestionnaireSource source;
    private final QuestionnaireFormat format;
    private final Clock clock;

    TerritoryQuestionnaires(StoredQuestionnaires stored, StoreQuestionnaireSource source, QuestionnaireFormat format,
                            Clock clock) {
        this.stored = stored;
        this.source = source;
        this.format = format;
        this.clock = clock;
    }

    /** The national questionnaire of the theme: the default, and what a first draft is copied from. */
    public Optional<Questionnaire> national(String theme) {
        return source.national(theme);
    }

    /** What a young person starting now in this territory answers on this theme. */
    public Optional<Questionnaire> inForce(String territoryId, String theme) {
        return source.current(territoryId, theme);
    }

    /** One published version of the territory, read. */
    public Optional<Questionnaire> version(String territoryId, String theme, int version) {
        return source.version(TerritoryQuestionnaireIds.of(territoryId, theme), version);
    }

    /** The territory's published versions of the theme, latest first. */
    public List<Version> published(String territoryId, String theme) {
        return stored.findByTerritoryIdAndThemeAndStateOrderByVersionDesc(territoryId, theme,
                StoredQuestionnaire.State.PUBLISHED).stream().map(TerritoryQuestionnaires::version).toList();
    }

    /** The YAML text of a published version, as stored: for export and review. */
    public Optional<String> text(String territoryId, String theme, int version) {
        return stored.findById(TerritoryQuestionnaireIds.published(territoryId, theme, version))
                .filter(q -> q.getState() == StoredQuestionnaire.State.PUBLISHED)
                .map(StoredQuestionnaire::getYaml);
    }

    public Optional<Draft> draft(String territoryId, String theme) {
        return stored.findById(TerritoryQuestionnaireIds.draft(territoryId, theme)).map(this::draft);
    }

    /** The YAML text of the draft, as it would be published now. */
    public Optional<String> draftText(String territoryId, String theme) {
        return stored.findById(TerritoryQuestionnaireIds.draft(territoryId, theme)).map(StoredQuestionnaire::getYaml);
    }

    /**
     * Copies the questionnaire in force into a draft, or gives the draft already started (starting twice,
     * or two animateurs at once, makes one draft).
     *
     * @throws IllegalArgumentException when the theme has no questionnaire at all
     */
    public Draft startDraft(String territoryId, String theme, String author) {
        Optional<Draft> existing = draft(territoryId, theme);
        if (existing.isPresent()) {
            return existing.get();
        }
        Questionnaire base = inForce(territoryId, theme)
                .orElseThrow(() -> new IllegalArgumentException("no questionnaire for the theme " + theme));
        Questionnaire copy = new Questionnaire(TerritoryQuestionnaireIds.of(territoryId, theme),
                nextVersion(territoryId, theme), theme, base.steps());
        StoredQuestionnaire draft = new StoredQuestionnaire(TerritoryQuestionnaireIds.draft(territoryId, theme),
                territoryId, theme, StoredQuestionnaire.State.DRAFT, copy.id(), copy.version(), format.write(copy),
                base.id(), base.version(), author, clock.instant());
        try {
            return draft(stored.insert(draft));
        } catch (DuplicateKeyException startedMeanwhile) {
            return draft(territoryId, theme).orElseThrow(() -> startedMeanwhile);
        }
    }

    /**
     * Replaces the draft's questions by these (its id, version and theme stay the territory's).
     *
     * @param revision the revision the change was made on
     * @throws QuestionnaireRefused when the result would break a rule (nothing is stored)
     * @throws DraftChanged when the draft is no longer at that revision
     */
    public Draft saveDraft(String territoryId, String theme, Questionnaire edited, long revision, String author) {
        StoredQuestionnaire draft = current(territoryId, theme, revision);
        Questionnaire questionnaire = new Questionnaire(draft.getQuestionnaireId(), nextVersion(territoryId, theme),
                theme, edited.steps());
        List<QuestionnaireProblem> problems = QuestionnaireRules.check(questionnaire);
        if (!problems.isEmpty()) {
            throw new QuestionnaireRefused(problems);
        }
        draft.edit(format.write(questionnaire), questionnaire.version(), author, clock.instant());
        try {
            return draft(stored.save(draft));
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            throw new DraftChanged("the draft was changed meanwhile");
        }
    }

    /** Drops the draft; what is in force does not change. */
    public void discardDraft(String territoryId, String theme, long revision) {
        StoredQuestionnaire draft = current(territoryId, theme, revision);
        try {
            stored.delete(draft);
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            throw new DraftChanged("the draft was changed meanwhile");
        }
    }

    /**
     * Publishes the draft as the territory's next version: from now on, journeys that start on the theme
     * answer it; those in progress finish on the version they started with.
     *
     * @throws DraftChanged when the draft is no longer at that revision, or another version was published meanwhile
     */
    public Version publish(String territoryId, String theme, long revision, String author) {
        StoredQuestionnaire draft = current(territoryId, theme, revision);
        Questionnaire read = format.read(draft.getQuestionnaireId() + " draft", draft.getYaml());
        int version = nextVersion(territoryId, theme);
        Questionnaire published = new Questionnaire(read.id(), version, theme, read.steps());
        StoredQuestionnaire record = new StoredQuestionnaire(TerritoryQuestionnaireIds.published(territoryId, theme, version),
                territoryId, theme, StoredQuestionnaire.State.PUBLISHED, published.id(), version,
                format.write(published), draft.getBasedOnId(), draft.getBasedOnVersion(), author, clock.instant());
        try {
            stored.insert(record);
        } catch (DuplicateKeyException publishedMeanwhile) {
            throw new DraftChanged("version " + version + " was published meanwhile");
        }
        try {
            stored.delete(draft);
        } catch (OptimisticLockingFailureException editedMeanwhile) {
            // Published as it was when checked; an edit that slipped in stays in the draft, to publish next.
        }
        return version(record);
    }

    private StoredQuestionnaire current(String territoryId, String theme, long revision) {
        StoredQuestionnaire draft = stored.findById(TerritoryQuestionnaireIds.draft(territoryId, theme))
                .orElseThrow(() -> new DraftChanged("there is no draft any more"));
        if (!Objects.equals(draft.getRevision(), revision)) {
            throw new DraftChanged("the draft was changed meanwhile");
        }
        return draft;
    }

    private int nextVersion(String territoryId, String theme) {
        return stored.findFirstByTerritoryIdAndThemeAndStateOrderByVersionDesc(territoryId, theme,
                StoredQuestionnaire.State.PUBLISHED).map(q -> q.getVersion() + 1).orElse(1);
    }

    private Draft draft(StoredQuestionnaire draft) {
        return new Draft(format.read(draft.getQuestionnaireId() + " draft", draft.getYaml()), draft.getRevision(),
                draft.getBasedOnId(), draft.getBasedOnVersion(), draft.getUpdatedBy(), draft.getUpdatedAt());
    }

    private static Version version(StoredQuestionnaire q) {
        return new Version(q.getQuestionnaireId(), q.getVersion(), q.getTheme(), q.getBasedOnId(), q.getBasedOnVersion(),
                q.getUpdatedBy(), q.getUpdatedAt());
    }
}
