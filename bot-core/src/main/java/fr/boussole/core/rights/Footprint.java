package fr.boussole.core.rights;

import fr.boussole.core.message.ConversationKey;

import java.util.Set;

/**
 * A subject and every conversation known to be theirs: the ones keyed by their phone number and
 * the ones in which they left that phone number or email as a contact. Holders act on both.
 */
public record Footprint(DataSubject subject, Set<ConversationKey> conversations) {

    public Footprint {
        conversations = Set.copyOf(conversations);
    }

    /** The rank of the last inbound message concerned in each conversation: all of them, unless asked by message. */
    public long throughMessage() {
        return subject instanceof DataSubject.Writer writer ? writer.throughMessage() : Long.MAX_VALUE;
    }

    /**
     * Whether the conversations themselves go, addresses included: not when the young person is
     * still writing in the one they asked from.
     */
    public boolean forgetsAddresses() {
        return !(subject instanceof DataSubject.Writer);
    }
}
