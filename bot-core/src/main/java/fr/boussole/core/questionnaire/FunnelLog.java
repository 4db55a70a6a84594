package fr.boussole.core.questionnaire;

import fr.boussole.core.conversation.DialogEvent;

/** Where the questionnaires' drop-off funnel is counted: anonymous marks, one per stage a journey reached. */
public interface FunnelLog {

    /**
     * Records one mark. {@code eventId} makes a replay after a crash harmless: an id derived from the
     * inbound message records the same mark once.
     */
    void record(DialogEvent.QuestionnaireProgress progress, String eventId);
}
