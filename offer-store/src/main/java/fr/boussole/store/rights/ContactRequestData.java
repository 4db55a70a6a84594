package fr.boussole.store.rights;

import fr.boussole.core.conversation.Answer;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.rights.DataSubject;
import fr.boussole.core.rights.Footprint;
import fr.boussole.core.rights.HeldRecord;
import fr.boussole.core.rights.PersonalDataHolder;
import fr.boussole.store.request.ContactRequest;
import fr.boussole.store.request.ContactRequestRecords;
import fr.boussole.store.request.FollowUp;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Contact requests as personal data. An erasure asked by the animateur anonymises the subject's
 * requests (kept as statistics); one asked by message from a conversation leaves them alone, as the
 * consent text promises ("ta demande, elle, reste chez l'organisation le temps de te répondre"):
 * they are anonymised on the retention schedule, or on an animateur's erasure. An idle conversation
 * erased by the retention schedule leaves them alone too: they have their own schedule.
 */
@Component
class ContactRequestData implements PersonalDataHolder {

    static final String KIND = "contact-request";

    private final MongoTemplate mongo;
    private final ContactRequestRecords records;
    private final PersonalData personalData;

    ContactRequestData(MongoTemplate mongo, ContactRequestRecords records, PersonalData personalData) {
        this.mongo = mongo;
        this.records = records;
        this.personalData = personalData;
    }

    @Override
    public Set<ConversationKey> conversationsOf(DataSubject subject) {
        Set<ConversationKey> keys = new LinkedHashSet<>();
        for (ContactRequest request : matching(new Footprint(subject, Set.of()))) {
            if (request.getChannel() != null && request.getConversationAddress() != null) {
                keys.add(new ConversationKey(request.getChannel(), request.getConversationAddress()));
            }
        }
        return keys;
    }

    @Override
    public List<HeldRecord> export(Footprint footprint) {
        return matching(footprint).stream().map(ContactRequestData::exported).toList();
    }

    @Override
    public Map<String, Integer> erase(Footprint footprint, Instant now) {
        if (!footprint.subject().isPerson()) {
            return Map.of(); // a conversation erased alone: its requests stay with the organisation
        }
        int anonymised = 0;
        for (ContactRequest request : matching(footprint)) {
            if (!footprint.covers(request.getTerritoryId())) {
                continue; // another territory's: theirs to answer
            }
            if (anonymise(request)) {
                anonymised++;
            }
        }
        return Map.of(KIND, anonymised);
    }

    /** Saves the anonymised request, reading it again if a professional changed it meanwhile. */
    private boolean anonymise(ContactRequest request) {
        ContactRequest current = request;
        for (int attempt = 0; attempt < 5; attempt++) {
            current.anonymise();
            try {
                records.save(current);
                return true;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                current = records.findById(request.getId()).orElse(null);
                if (current == null || current.isAnonymised()) {
                    return false;
                }
            }
        }
        throw new IllegalStateException("request " + request.getId() + " kept changing during its anonymisation");
    }

    /**
     * THE lookup of the subject's requests, not yet anonymised: by the keyed hash of the contact left
     * (phone or email, normalised as {@link PersonalData#lookupKey(String)} does), or of the
     * conversation they were made from; the addresses themselves are sealed.
     */
    List<ContactRequest> matching(Footprint footprint) {
        List<Criteria> any = new ArrayList<>();
        switch (footprint.subject()) {
            case DataSubject.Phone phone -> any.add(Criteria.where("contactLookup").is(personalData.lookupKey(phone.e164())));
            case DataSubject.Email email -> any.add(Criteria.where("contactLookup").is(personalData.lookupKey(email.address())));
            case DataSubject.Writer ignored -> { }
            case DataSubject.Idle ignored -> { }
        }
        for (ConversationKey key : footprint.conversations()) {
            any.add(Criteria.where("conversationLookup").is(personalData.lookupKey(key.channel(), key.address())));
        }
        if (any.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(new Criteria().orOperator(any).and("anonymised").ne(true));
        return mongo.find(query, ContactRequest.class);
    }

    private static HeldRecord exported(ContactRequest r) {
        HeldRecord.Builder record = HeldRecord.of(KIND)
                .territory(r.getTerritoryId())
                .conversation(r.getChannel() == null || r.getConversationAddress() == null ? null
                        : new ConversationKey(r.getChannel(), r.getConversationAddress()))
                .with("id", r.getId())
                .with("createdAt", r.getCreatedAt())
                .with("theme", r.getTheme())
                .with("offer", r.getOfferId())
                .with("organisation", r.getOrganisationId())
                .with("age", r.getAge() > 0 ? r.getAge() : null)
                .with("commune", r.getCommuneName())
                .with("channel", r.getChannel() == null ? null : r.getChannel().id())
                .with("conversationAddress", r.getConversationAddress())
                .with("contactMethod", r.getContactMethod())
                .with("contactAddress", r.getContactAddress());
        if (r.getConsent() != null) {
            record.with("consentText", r.getConsent().textShown())
                    .with("consentVersion", r.getConsent().textVersion())
                    .with("consentAt", r.getConsent().acceptedAt());
        }
        for (Answer answer : r.getAnswers()) {
            record.with("answer:" + answer.questionText(),
                    String.join(", ", answer.labels().isEmpty() ? answer.values() : answer.labels()));
        }
        record.with("status", r.getStatus()).with("dueAt", r.getDueAt());
        int n = 1;
        for (FollowUp followUp : r.getFollowUps()) {
            record.with("followUp:" + n++, followUp.at() + " " + followUp.means()
                    + (followUp.comment() == null ? "" : " " + followUp.comment()));
        }
        return record.with("outcome", r.getOutcome()).with("outcomeComment", r.getOutcomeComment())
                .with("closedAt", r.getClosedAt()).build();
    }
}
