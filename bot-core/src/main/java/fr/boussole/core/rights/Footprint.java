package fr.boussole.core.rights;

import fr.boussole.core.message.ConversationKey;

import java.util.Set;

/**
 * A subject and every conversation known to be theirs: the ones keyed by their phone number and
 * the ones in which they left that phone number or email as a contact. Holders act on both, within
 * the scope of whoever asked ({@link RightsScope}).
 */
public record Footprint(DataSubject subject, Set<ConversationKey> conversations, RightsScope scope) {

    public Footprint {
        conversations = Set.copyOf(conversations);
        scope = scope == null ? RightsScope.NATIONAL : scope;
    }

    /** A footprint every holder acts on entirely (the young person by message, the retention schedule). */
    public Footprint(DataSubject subject, Set<ConversationKey> conversations) {
        this(subject, conversations, RightsScope.NATIONAL);
    }

    /**
     * Whether a record of this territory may be acted on. The conversations are already those of the
     * scope; a holder whose records carry their own territory (contact requests) asks here.
     */
    public boolean covers(String territoryId) {
        return scope.covers(territoryId);
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
