package fr.boussole.pipeline.rights;

import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.rights.DataSubject;
import fr.boussole.core.rights.Footprint;
import fr.boussole.core.rights.HeldRecord;
import fr.boussole.core.rights.PersonalDataHolder;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Conversations, the messages received in them and the messages sent in them, as personal data.
 * Asked by message from a conversation ({@link DataSubject.Writer}), erasure goes up to that message
 * and the conversation goes on, so its address stays; asked for a person, or past retention, the
 * conversations go entirely, addresses included ({@link ConversationErasure}).
 */
@Component
public class ConversationData implements PersonalDataHolder {

    public static final String CONVERSATION = fr.boussole.core.rights.DataRights.CONVERSATION_KIND;
    public static final String INBOUND_MESSAGE = "inbound-message";
    public static final String OUTBOUND_MESSAGE = "outbound-message";

    private final MongoTemplate mongo;
    private final ConversationExport exports;
    private final ConversationErasure erasure;
    private final ConversationLookups lookups;

    ConversationData(MongoTemplate mongo, ConversationExport exports, ConversationErasure erasure,
                     ConversationLookups lookups) {
        this.mongo = mongo;
        this.lookups = lookups;
        this.exports = exports;
        this.erasure = erasure;
    }

    /**
     * Conversations where the person left their phone or email without a request yet: typed at the
     * contact step, or shared with Telegram's contact button.
     */
    @Override
    public Set<ConversationKey> conversationsOf(DataSubject subject) {
        Set<ConversationKey> keys = new LinkedHashSet<>();
        Query typed = lookups.contactInState(subject);
        if (typed != null) {
            typed.fields().include("_id").include("address");
            mongo.find(typed, Document.class, ConversationLookups.CONVERSATIONS)
                    .forEach(doc -> keys.add(lookups.ofConversation(doc)));
        }
        if (subject instanceof DataSubject.Phone phone) {
            Query shared = lookups.sharedPhone(phone);
            shared.fields().include("channel").include("address");
            mongo.find(shared, Document.class, ConversationLookups.INBOUND)
                    .forEach(doc -> keys.add(lookups.ofInbound(doc)));
        }
        return keys;
    }

    @Override
    public List<HeldRecord> export(Footprint footprint) {
        return exports.export(footprint);
    }

    @Override
    public Map<String, Integer> erase(Footprint footprint, Instant now) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        Instant idleBefore = footprint.subject() instanceof DataSubject.Idle idle ? idle.lastActiveBefore() : null;
        for (ConversationKey key : footprint.conversations()) {
            Map<String, Integer> counts = footprint.forgetsAddresses()
                    ? erasure.entirely(key, idleBefore)
                    : erasure.upTo(key, footprint.throughMessage());
            counts.forEach((kind, n) -> erased.merge(kind, n, Integer::sum));
        }
        return erased;
    }
}
