package fr.boussole.pipeline.conversation;

import fr.boussole.core.retention.IdleConversations;
import fr.boussole.core.rights.DataRights;
import fr.boussole.core.rights.DataSubject;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the promise of the welcome text: a conversation's answers, the texts received and the
 * replies sent are kept {@code boussole.retention.conversations} (30 days) after the last message,
 * then erased, through the same eraser as an erasure on request, address included. A conversation
 * whose young person said "stop" keeps its address and that flag (their will, not their data), its
 * content goes. Run by the retention job; safe on several instances: the erasure is idempotent and
 * done under the conversation's lease, and a conversation that came back to life meanwhile stays. The idle
 * conversations are found through the retention lists ({@link ConversationLists}), never by a walk of them all.
 */
@Component
public class ConversationRetention implements IdleConversations {

    private final Conversations conversations;
    private final ConversationLists lists;
    private final DataRights rights;

    ConversationRetention(Conversations conversations, ConversationLists lists, DataRights rights) {
        this.conversations = conversations;
        this.lists = lists;
        this.rights = rights;
    }

    /** Erases every conversation whose last turn is older than {@code cutoff}; returns how many. */
    @Override
    public int forgetIdle(Instant cutoff, Instant now) {
        int[] forgotten = {0};
        lists.eachIdle(cutoff, now, idle -> {
            if (forget(idle, cutoff, now)) {
                forgotten[0]++;
            }
        });
        return forgotten[0];
    }

    private boolean forget(StoredConversation idle, Instant cutoff, Instant now) {
        if (idle.optedOut()) {
            if (conversations.forget(idle, now)) {
                rights.erase(new DataSubject.Writer(idle.key(), idle.lastSequence()), now);
                return true;
            }
            return false;
        }
        return rights.erase(new DataSubject.Idle(idle.key(), cutoff), now).getOrDefault("conversation", 0) > 0;
    }
}
