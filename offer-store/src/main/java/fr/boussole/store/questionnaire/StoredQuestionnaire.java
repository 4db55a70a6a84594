package fr.boussole.store.questionnaire;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One questionnaire of a territory, as the YAML text of the bundled files (so that each version can be
 * read, compared and exported as is): the draft being edited, or a published version. A published
 * version is never changed: conversations that started on it and requests made under it keep naming it.
 */
@Document("questionnaires")
public class StoredQuestionnaire {

    /** A draft is edited; a published version is only read. */
    public enum State { DRAFT, PUBLISHED }

    @Id
    private String id;
    @Indexed
    private String territoryId;
    private String theme;
    private State state;
    /** The questionnaire's own id ({@code emploi@te_lot}), as in the text and on requests. */
    private String questionnaireId;
    /** The version; for a draft, the one it would get if published now. */
    private int version;
    private String yaml;
    /** Where the first draft was copied from: the national questionnaire or an earlier version. */
    private String basedOnId;
    private int basedOnVersion;
    private String updatedBy;
    private Instant updatedAt;
    @Version
    private Long revision;

    protected StoredQuestionnaire() {}

    StoredQuestionnaire(String id, String territoryId, String theme, State state, String questionnaireId, int version,
                        String yaml, String basedOnId, int basedOnVersion, String by, Instant at) {
        this.id = id;
        this.territoryId = territoryId;
        this.theme = theme;
        this.state = state;
        this.questionnaireId = questionnaireId;
        this.version = version;
        this.yaml = yaml;
        this.basedOnId = basedOnId;
        this.basedOnVersion = basedOnVersion;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    void edit(String yaml, int version, String by, Instant at) {
        this.yaml = yaml;
        this.version = version;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public String getId() { return id; }
    public String getTerritoryId() { return territoryId; }
    public String getTheme() { return theme; }
    public State getState() { return state; }
    public String getQuestionnaireId() { return questionnaireId; }
    public int getVersion() { return version; }
    public String getYaml() { return yaml; }
    public String getBasedOnId() { return basedOnId; }
    public int getBasedOnVersion() { return basedOnVersion; }
    public String getUpdatedBy() { return updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Long getRevision() { return revision; }
}
