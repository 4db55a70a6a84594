package fr.boussole.store.request;

import fr.boussole.core.conversation.Answer;
import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.message.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A young person's request to be contacted about an offer. The aggregate guards its transitions:
 * an illegal one throws {@link IllegalTransitionException}. Its id is the one the pipeline derived
 * from the inbound message, so that recording it twice yields one request.
 */
@Document("contactRequests")
@CompoundIndexes({
        @CompoundIndex(name = "organisation_status_due", def = "{'organisationId': 1, 'status': 1, 'dueAt': 1}"),
        @CompoundIndex(name = "territory_status_due", def = "{'territoryId': 1, 'status': 1, 'dueAt': 1}")
})
public class ContactRequest {

    @Id
    private String id;
    private String offerId;
    private String organisationId;
    private String territoryId;
    private String theme;
    private String questionnaireId;
    private int questionnaireVersion;
    private List<Answer> answers = new ArrayList<>();
    private int age;
    /** Set instead of the age when the request is anonymised ("18-21"…): statistics need no more. */
    private String ageBand;
    private String communeInsee;
    private String communeName;
    private Channel channel;
    /** The conversation's address on its channel (phone number, chat id...): personal data, sealed at rest. */
    private String conversationAddress;
    /** Keyed hash of the conversation's address, written by {@link ContactRequestSealing}: the way to find it. */
    @Indexed
    private String conversationLookup;
    private ContactMethod contactMethod;
    /** Sealed at rest (see {@link ContactRequestSealing}), clear in memory. */
    private String contactAddress;
    /** Keyed hash of the contact address, written by {@link ContactRequestSealing}: the way to find it. */
    @Indexed
    private String contactLookup;
    private ConsentRecord consent;
    /**
     * The young person gave an urgent answer or said they were in danger: alerted at once, shown first.
     * Indexed for the console's "Urgentes" list.
     */
    @Indexed
    private boolean urgent;
    @Indexed
    private Instant createdAt;
    @Indexed
    private Instant dueAt;
    @Indexed
    private RequestStatus status = RequestStatus.NEW;
    private Outcome outcome;
    private String outcomeComment;
    private Instant closedAt;
    private List<FollowUp> followUps = new ArrayList<>();
    private boolean anonymised;
    /** The request this one was proposed after, when it left the young person without help; or null. */
    private String previousRequestId;
    /** The news owed to the young person, by kind ({@link NewsKind}): due with the change, then handed over. */
    private Map<NewsKind, NewsMark> news = new EnumMap<>(NewsKind.class);
    /** Whether some news is due and not handed over yet: what the promises look for. */
    @Indexed(sparse = true)
    private Boolean newsPending;
    @Version
    private Long version;

    protected ContactRequest() {}

    /** A new request for this draft, due {@code delayDays} days after it was made. */
    public static ContactRequest open(String id, ContactRequestDraft draft, String organisationId, int delayDays) {
        ContactRequest request = new ContactRequest();
        request.id = id;
        request.offerId = draft.offerId();
        request.organisationId = organisationId;
        request.territoryId = draft.territoryId();
        request.theme = draft.theme();
        request.questionnaireId = draft.questionnaireId();
        request.questionnaireVersion = draft.questionnaireVersion();
        request.answers = new ArrayList<>(draft.answers());
        request.age = draft.age();
        request.communeInsee = draft.communeInsee();
        request.communeName = draft.communeName();
        request.channel = draft.conversation().channel();
        request.conversationAddress = draft.conversation().address();
        request.contactMethod = draft.contactMethod();
        request.contactAddress = draft.contactAddress();
        request.consent = draft.consent();
        request.urgent = draft.urgent();
        request.createdAt = draft.createdAt();
        request.dueAt = draft.createdAt().plus(Duration.ofDays(delayDays));
        return request;
    }

    /** Marks this request as the one proposed after {@code previous} left the young person without help. */
    public ContactRequest after(String previous) {
        this.previousRequestId = previous;
        return this;
    }

    /** A professional takes the request in hand. */
    public void start(String author, Instant at) {
        moveTo(RequestStatus.IN_PROGRESS);
        newsDue(NewsKind.TAKEN_IN_HAND, at);
        followUps.add(new FollowUp(author, at, FollowUpMeans.OTHER, null));
    }

    /** Notes an attempt or an exchange; a new request is taken in hand by it. */
    public void addFollowUp(FollowUp followUp) {
        if (status == RequestStatus.CLOSED) {
            throw new IllegalTransitionException(id, status, status);
        }
        if (status == RequestStatus.NEW) {
            moveTo(RequestStatus.IN_PROGRESS);
            newsDue(NewsKind.TAKEN_IN_HAND, followUp.at());
        }
        followUps.add(followUp);
    }

    /** The young person was reached. */
    public void markContacted(FollowUp followUp) {
        moveTo(RequestStatus.CONTACTED);
        followUps.add(followUp);
    }

    /**
     * The professional says the young person was reached, whatever was noted before (the one-click
     * "Je l'ai contacté" of the alert email): a new request is taken in hand and contacted at once;
     * one contacted already only gets the follow-up.
     */
    public void confirmContacted(FollowUp followUp) {
        if (status == RequestStatus.NEW) {
            moveTo(RequestStatus.IN_PROGRESS);
            newsDue(NewsKind.TAKEN_IN_HAND, followUp.at());
        }
        if (status == RequestStatus.IN_PROGRESS) {
            moveTo(RequestStatus.CONTACTED);
        } else if (status == RequestStatus.CLOSED) {
            throw new IllegalTransitionException(id, status, RequestStatus.CONTACTED);
        }
        followUps.add(followUp);
    }

    public void close(Outcome outcome, String comment, Instant at) {
        if (outcome == null) {
            throw new IllegalArgumentException("closing a request needs an outcome");
        }
        moveTo(RequestStatus.CLOSED);
        this.outcome = outcome;
        this.outcomeComment = comment;
        this.closedAt = at;
        // closed before the taking in hand was told: the closing says it all
        if (news != null && news.containsKey(NewsKind.TAKEN_IN_HAND) && !news.get(NewsKind.TAKEN_IN_HAND).handed()) {
            news.remove(NewsKind.TAKEN_IN_HAND);
        }
        newsDue(NewsKind.CLOSED, at);
    }

    /**
     * The promised delay passed with nobody taking the request in hand: the young person is told so,
     * once. Only a new request expires.
     *
     * @return whether this made the news due
     */
    public boolean expire(Instant at) {
        if (status != RequestStatus.NEW || anonymised || getNews().containsKey(NewsKind.EXPIRED) || !at.isAfter(dueAt)) {
            return false;
        }
        newsDue(NewsKind.EXPIRED, at);
        return true;
    }

    private void newsDue(NewsKind kind, Instant at) {
        if (news == null) {
            news = new EnumMap<>(NewsKind.class);
        }
        if (news.putIfAbsent(kind, new NewsMark(at, null)) == null) {
            newsPending = true;
        }
    }

    /** The news owed to the young person, in the order they are told. */
    public Map<NewsKind, NewsMark> getNews() {
        if (news == null || news.isEmpty()) {
            return Map.of();
        }
        Map<NewsKind, NewsMark> ordered = new EnumMap<>(NewsKind.class);
        ordered.putAll(news);
        return Collections.unmodifiableMap(ordered);
    }

    public boolean isNewsPending() {
        return Boolean.TRUE.equals(newsPending);
    }

    public boolean isOverdue(Instant now) {
        return (status == RequestStatus.NEW || status == RequestStatus.IN_PROGRESS) && now.isAfter(dueAt);
    }

    /**
     * Removes what identifies the young person, keeping what statistics need: theme, territory,
     * offer, organisation, dates, status, outcome, the commune's INSEE code and an age band.
     */
    public void anonymise() {
        if (age > 0) {
            ageBand = AgeBands.of(age);
            age = 0;
        }
        conversationAddress = null;
        contactAddress = null;
        communeName = null;
        outcomeComment = null;
        answers = new ArrayList<>(answers.stream()
                .map(a -> new Answer(a.questionId(), a.questionText(), List.of(), List.of())).toList());
        followUps = new ArrayList<>(followUps.stream()
                .map(f -> new FollowUp(f.author(), f.at(), f.means(), null)).toList());
        if (consent != null) {
            consent = new ConsentRecord(null, consent.textVersion(), consent.acceptedAt(), consent.channel());
        }
        anonymised = true;
    }

    private void moveTo(RequestStatus target) {
        if (!status.next().contains(target)) {
            throw new IllegalTransitionException(id, status, target);
        }
        status = target;
    }

    public String getId() { return id; }
    public String getOfferId() { return offerId; }
    public String getOrganisationId() { return organisationId; }
    public String getTerritoryId() { return territoryId; }
    public String getTheme() { return theme; }
    public String getQuestionnaireId() { return questionnaireId; }
    public int getQuestionnaireVersion() { return questionnaireVersion; }
    public List<Answer> getAnswers() { return List.copyOf(answers); }
    public int getAge() { return age; }
    public String getAgeBand() { return ageBand; }
    public String getCommuneInsee() { return communeInsee; }
    public String getCommuneName() { return communeName; }
    public Channel getChannel() { return channel; }
    public String getConversationAddress() { return conversationAddress; }
    public ContactMethod getContactMethod() { return contactMethod; }
    public String getContactAddress() { return contactAddress; }
    public boolean isUrgent() { return urgent; }
    public ConsentRecord getConsent() { return consent; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getDueAt() { return dueAt; }
    public RequestStatus getStatus() { return status; }
    public Outcome getOutcome() { return outcome; }
    public String getOutcomeComment() { return outcomeComment; }
    public Instant getClosedAt() { return closedAt; }
    public List<FollowUp> getFollowUps() { return List.copyOf(followUps); }
    public boolean isAnonymised() { return anonymised; }
    public String getPreviousRequestId() { return previousRequestId; }
    public Long getVersion() { return version; }
}
