package fr.boussole.store.funnel;

import fr.boussole.core.conversation.DialogEvent.QuestionnaireProgress.Stage;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One stage a journey reached in a questionnaire: which territory, questionnaire, version and question,
 * and when. Nothing of who: no conversation, no contact, no answer; counted, never listed.
 */
@Document("questionnaire_funnel")
public class FunnelMark {

    @Id
    private String id;
    @Indexed
    private String territoryId;
    private String questionnaireId;
    private int version;
    private String questionId;
    private Stage stage;
    @Indexed
    private Instant at;

    protected FunnelMark() {}

    FunnelMark(String id, String territoryId, String questionnaireId, int version, String questionId, Stage stage,
               Instant at) {
        this.id = id;
        this.territoryId = territoryId;
        this.questionnaireId = questionnaireId;
        this.version = version;
        this.questionId = questionId;
        this.stage = stage;
        this.at = at;
    }

    public String getId() { return id; }
    public String getTerritoryId() { return territoryId; }
    public String getQuestionnaireId() { return questionnaireId; }
    public int getVersion() { return version; }
    public String getQuestionId() { return questionId; }
    public Stage getStage() { return stage; }
    public Instant getAt() { return at; }
}
