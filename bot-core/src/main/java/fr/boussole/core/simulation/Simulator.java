package fr.boussole.core.simulation;

import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.questionnaire.Questionnaire;

/**
 * Runs one message of a trial conversation: the journey's own engine, understanding, communes, texts and
 * offers, with one territory served whatever its status and one questionnaire served on its theme there
 * instead of the one in force. It does no I/O of its own and records nothing: the caller keeps the state
 * in memory between messages, shows the replies and only describes the other events (a search, a
 * request that would have been made), carrying none of them out.
 */
public interface Simulator {

    /**
     * @param territoryId   the territory tried
     * @param questionnaire the questionnaire tried (a draft), on its theme, in that territory
     * @param state         what the previous message returned, or {@link ConversationState#start} for a new trial
     * @param inbound       the message; its reception time is the turn's time
     */
    Turn send(String territoryId, Questionnaire questionnaire, ConversationState state, Inbound inbound);
}
