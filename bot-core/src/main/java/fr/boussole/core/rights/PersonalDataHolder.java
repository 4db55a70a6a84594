package fr.boussole.core.rights;

import fr.boussole.core.message.ConversationKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A store of personal data about young people (conversations, messages, contact requests…). Every
 * such store implements it, so that an access or erasure request reaches all of them through
 * {@link DataRights}, the one way to export or erase.
 */
public interface PersonalDataHolder {

    /** Conversations this holder knows to belong to the subject (e.g. where they left their contact). */
    default Set<ConversationKey> conversationsOf(DataSubject subject) {
        return Set.of();
    }

    /** Everything held about the footprint, with clear values. */
    List<HeldRecord> export(Footprint footprint);

    /**
     * Erases or anonymises what is held about the footprint; idempotent.
     *
     * @return how many records of each kind were erased or anonymised
     */
    Map<String, Integer> erase(Footprint footprint, Instant now);
}
