package fr.boussole.store.promise;

import fr.boussole.core.promise.ContactChecks;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.store.request.ContactRequest;
import fr.boussole.store.request.ContactRequestRecords;
import fr.boussole.store.request.NewsKind;
import fr.boussole.store.request.RequestBook;
import fr.boussole.store.request.RequestStatus;
import fr.boussole.store.request.RequestView;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands out the past-due requests not yet asked about (those taken in hand: a request still new at its
 * due date gets the "delay passed" news instead, see {@link RequestNewsService}), marks them once their question is in the
 * inbox (at least once: the inbox de-duplicates the question on an id derived from the request, so
 * two instances or a retry after a crash ask it once), records answers, and emails the animateurs
 * on a "no".
 */
@Service
public class MongoContactChecks implements ContactChecks {

    private final MongoTemplate mongo;
    private final ContactRequestRecords records;
    private final RequestBook requests;
    private final AlertRecipients recipients;
    private final PromiseMails mails;
    private final MarkLists lists;

    MongoContactChecks(MongoTemplate mongo, ContactRequestRecords records, RequestBook requests,
                       AlertRecipients recipients, PromiseMails mails, MarkLists lists) {
        this.mongo = mongo;
        this.lists = lists;
        this.records = records;
        this.requests = requests;
        this.recipients = recipients;
        this.mails = mails;
    }

    @Override
    public List<Due> takeDue(Instant now, int limit) {
        List<Due> due = new ArrayList<>();
        for (ContactRequest request : records.findByStatusInAndDueAtBefore(
                List.of(RequestStatus.values()), now)) {
            if (due.size() >= limit) {
                break;
            }
            // a request nobody took in hand is told its delay passed instead (RequestNewsJob), in words that ask too
            boolean toldExpired = request.getStatus() == RequestStatus.NEW
                    || request.getNews().containsKey(NewsKind.EXPIRED);
            if (request.isAnonymised() || request.getChannel() == null || request.getConversationAddress() == null
                    || toldExpired
                    || mongo.exists(Query.query(Criteria.where("_id").is(request.getId())), ContactCheck.class)) {
                continue;
            }
            // Not marked here: marking before the question is in the inbox would lose it in a crash between.
            RequestView view = requests.find(request.getId()).orElseThrow();
            due.add(new Due(request.getId(), new ConversationKey(request.getChannel(), request.getConversationAddress()),
                    view.offerTitle(), view.organisationName()));
        }
        return due;
    }

    @Override
    public void asked(String requestId, Instant at) {
        // listed for the retention job first: a crash in between lists a check not made, never a check unlisted
        lists.list(MarkLists.CHECKS, List.of(requestId), at);
        // an upsert that sets nothing on an existing check: an answer recorded first stays as it is
        mongo.upsert(Query.query(Criteria.where("_id").is(requestId)), new Update()
                .setOnInsert("territoryId", requests.find(requestId).map(RequestView::territoryId).orElse(null))
                .setOnInsert("askedAt", at), ContactCheck.class);
    }

    @Override
    public void answered(String requestId, Answer answer, Instant at) {
        Optional<RequestView> request = requests.find(requestId);
        lists.list(MarkLists.CHECKS, List.of(requestId), at);
        // one upsert: the job marking the request as asked at the same moment cannot make it fail
        mongo.upsert(Query.query(Criteria.where("_id").is(requestId)), new Update().set("answer", answer)
                .set("answeredAt", at).setOnInsert("askedAt", at)
                .setOnInsert("territoryId", request.map(RequestView::territoryId).orElse(null)), ContactCheck.class);
        if (answer == Answer.NO) {
            request.ifPresent(this::alertAnimateurs);
        }
    }

    /** The young person's answer to the check, if they gave one. */
    public Optional<ContactCheck> of(String requestId) {
        return Optional.ofNullable(mongo.findById(requestId, ContactCheck.class));
    }

    /** How many young people of the territory were asked, and how many gave each answer. */
    public Map<String, Long> tally(String territoryId) {
        var all = mongo.find(Query.query(Criteria.where("territoryId").is(territoryId)), ContactCheck.class);
        var tally = new java.util.LinkedHashMap<String, Long>();
        tally.put("ASKED", (long) all.size());
        for (Answer answer : Answer.values()) {
            tally.put(answer.name(), all.stream().filter(c -> c.answer() == answer).count());
        }
        return tally;
    }

    private void alertAnimateurs(RequestView request) {
        for (String address : recipients.animateursOf(request.territoryId())) {
            mails.send("not-contacted", request, PromiseMails.recipient(address), Map.of());
        }
    }
}
