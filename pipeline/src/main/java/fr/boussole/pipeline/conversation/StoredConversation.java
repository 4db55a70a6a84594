package fr.boussole.pipeline.conversation;

import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.message.ConversationKey;

import java.util.List;

/**
 * A conversation as read from the store.
 *
 * @param version          0 when nothing is stored yet
 * @param lastInboundId    the inbound message the last stored turn answers, or null
 * @param lastSequence     that message's rank, or -1
 * @param lastEvents       that turn's events, replayed when the turn was interrupted before its end
 * @param optedOut         whether the young person said "stop" (as of the last turn, derived from its events)
 * @param optedOutBefore   the same, before the last turn: what a replay of its events starts from
 * @param epoch            names this life of the conversation: an erasure ends it (the document goes, or a
 *                         new epoch is written), so that a worker carrying out an older turn can tell
 * @param listedIn         the retention list ({@code conversation_lists} {@code _id}) it was last listed in by a turn,
 *                         whose hour is that of its activity; null when no turn listed it (stored before the lists,
 *                         forgotten since, or nothing stored)
 */
public record StoredConversation(ConversationKey key, long version, ConversationState state, String lastInboundId,
                                 long lastSequence, List<DialogEvent> lastEvents, boolean optedOut,
                                 boolean optedOutBefore, String epoch, String listedIn) {

    /** Whether the young person has opted out after these events, starting from {@code before}. */
    public static boolean optedOutAfter(boolean before, List<DialogEvent> events) {
        boolean optedOut = before;
        for (DialogEvent event : events) {
            if (event instanceof DialogEvent.OptedOut) {
                optedOut = true;
            } else if (event instanceof DialogEvent.OptedIn) {
                optedOut = false;
            }
        }
        return optedOut;
    }
}
