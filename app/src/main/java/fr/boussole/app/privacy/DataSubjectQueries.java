package fr.boussole.app.privacy;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.PersonalData;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a data subject's records are, now that no address is stored in clear: for a phone number or
 * an email (as typed), or for one conversation (a web session, a Telegram chat), the query that
 * finds them in each collection, by lookup keys. For erasure and export (docs/privacy.md).
 */
@Component
public class DataSubjectQueries {

    /** Channels whose conversations are addressed by a phone number. */
    private static final List<Channel> PHONE_CHANNELS = List.of(Channel.SMS, Channel.WHATSAPP);

    private final PersonalData personalData;

    public DataSubjectQueries(PersonalData personalData) {
        this.personalData = personalData;
    }

    /** Collection name → query, for everything held about this phone number or email. */
    public Map<String, Query> of(String phoneOrEmail) {
        String lookup = personalData.lookupKey(phoneOrEmail);
        List<String> refs = phoneOrEmail.contains("@") ? List.of() : PHONE_CHANNELS.stream()
                .map(channel -> personalData.conversationRef(new ConversationKey(channel, phoneOrEmail))).toList();
        Map<String, Query> queries = conversationQueries(refs);
        queries.put("contactRequests", Query.query(new Criteria().orOperator(Criteria.where("contactLookup").is(lookup),
                Criteria.where("conversationLookup").is(lookup))));
        queries.put("outbox", Query.query(new Criteria().orOperator(Criteria.where("conversation").in(refs),
                Criteria.where("recipientLookup").is(lookup))));
        if (!refs.isEmpty()) {
            queries.put("whatsapp_service_windows", Query.query(Criteria.where("_id").is(lookup)));
        }
        return queries;
    }

    /** Collection name → query, for everything held about one conversation (a web session, a chat). */
    public Map<String, Query> of(ConversationKey conversation) {
        String ref = personalData.conversationRef(conversation);
        Map<String, Query> queries = conversationQueries(List.of(ref));
        String lookup = personalData.lookupKey(conversation.channel(), conversation.address());
        queries.put("contactRequests", Query.query(Criteria.where("conversationLookup").is(lookup)));
        queries.put("outbox", Query.query(Criteria.where("conversation").is(ref)));
        return queries;
    }

    private static Map<String, Query> conversationQueries(List<String> refs) {
        Map<String, Query> queries = new LinkedHashMap<>();
        queries.put("conversations", Query.query(Criteria.where("_id").in(refs)));
        queries.put("inbound_messages", Query.query(Criteria.where("conversation").in(refs)));
        queries.put("inbound_sequences", Query.query(Criteria.where("_id").in(refs)));
        queries.put("outbox_queues", Query.query(Criteria.where("_id").in(refs)));
        queries.put("stopped_recipients", Query.query(Criteria.where("_id").in(refs)));
        queries.put("leases", Query.query(Criteria.where("_id").in(refs.stream().map(ref -> "conversation:" + ref).toList())));
        return queries;
    }
}
