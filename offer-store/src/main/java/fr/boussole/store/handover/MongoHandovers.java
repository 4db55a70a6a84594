package fr.boussole.store.handover;

import fr.boussole.core.handover.Handovers;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.PersonalData;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The handovers as the pipeline records them after a turn: opened (one per asking message, whatever
 * the replays), heard (the young person wrote while a person holds it), ended by the bot. At most one
 * handover of a conversation is open: a new one ends the one before.
 */
@Component
class MongoHandovers implements Handovers {

    private static final List<HandoverStatus> OPEN = List.of(HandoverStatus.WAITING, HandoverStatus.HELD);

    private final HandoverRecords records;
    private final MongoTemplate mongo;
    private final PersonalData personalData;

    MongoHandovers(HandoverRecords records, MongoTemplate mongo, PersonalData personalData) {
        this.records = records;
        this.mongo = mongo;
        this.personalData = personalData;
    }

    @Override
    public void requested(String handoverId, ConversationKey conversation, String territoryId, String reason, Instant at) {
        if (records.existsById(handoverId)) {
            return;
        }
        forEachOpen(conversation, h -> h.end("replaced", at));
        try {
            mongo.insert(Handover.open(handoverId, conversation, territoryId, reason, at));
        } catch (DuplicateKeyException replayed) {
            // a replay raced us: the first one stands
        }
    }

    @Override
    public void heard(ConversationKey conversation, Instant at) {
        forEachOpen(conversation, h -> h.heard(at));
    }

    @Override
    public void ended(ConversationKey conversation, String reason, Instant at) {
        forEachOpen(conversation, h -> h.end(reason, at));
    }

    private void forEachOpen(ConversationKey conversation, Consumer<Handover> change) {
        String lookup = personalData.lookupKey(conversation.channel(), conversation.address());
        for (Handover handover : records.findByConversationLookupAndStatusIn(lookup, OPEN)) {
            HandoverInbox.change(records, handover.getId(), change);
        }
    }

}
