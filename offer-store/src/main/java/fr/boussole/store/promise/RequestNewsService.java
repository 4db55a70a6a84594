package fr.boussole.store.promise;

import fr.boussole.core.promise.RequestNews;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbox;
import fr.boussole.store.organisation.LocalInfoJeunes;
import fr.boussole.store.request.ContactRequest;
import fr.boussole.store.request.ContactRequestRecords;
import fr.boussole.store.request.NewsKind;
import fr.boussole.store.request.NewsMark;
import fr.boussole.store.request.Outcome;
import fr.boussole.store.request.RequestBook;
import fr.boussole.store.request.RequestView;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a young person what became of their request, on the conversation it came from: each news
 * due on the request ({@link ContactRequest#getNews()}) becomes a system message in that
 * conversation's inbox ({@link RequestNews#inbound}), in order, and is then marked as handed over.
 * <p>
 * Exactly once per news: the mark is written in the same save as the change it tells, the inbox
 * de-duplicates the message on an id derived from the request and the kind of news, and a crash
 * between the inbox and the mark only makes the next round hand it over again, as a duplicate. Right
 * after a change in this instance ({@link RequestBook.NewsDue}); otherwise at the next round of
 * {@link RequestNewsJob}.
 * <p>
 * When the young person was left without help (a closing that did not help them, or the delay
 * passed), the news carries the next matching offer ({@link NextOffers}) or, when there is none, the
 * territory's Info Jeunes to call.
 */
@Service
public class RequestNewsService {

    private static final Logger log = LoggerFactory.getLogger(RequestNewsService.class);

    private final ContactRequestRecords records;
    private final RequestBook requests;
    private final MongoTemplate mongo;
    private final Inbox inbox;
    private final NextOffers nextOffers;
    private final LocalInfoJeunes infoJeunes;
    private final Clock clock;
    private final MeterRegistry meters;

    RequestNewsService(ContactRequestRecords records, RequestBook requests, MongoTemplate mongo, Inbox inbox,
                       NextOffers nextOffers, LocalInfoJeunes infoJeunes, Clock clock,
                       ObjectProvider<MeterRegistry> meters) {
        this.records = records;
        this.requests = requests;
        this.mongo = mongo;
        this.inbox = inbox;
        this.nextOffers = nextOffers;
        this.infoJeunes = infoJeunes;
        this.clock = clock;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    /** Right after a change: a failure leaves the news due, for the job's next round. */
    @EventListener
    void newsDue(RequestBook.NewsDue due) {
        try {
            handOff(due.requestId());
        } catch (RuntimeException e) {
            log.warn("News of request {} not handed over yet, the next round will: {}", due.requestId(),
                    e.getClass().getName());
        }
    }

    /**
     * Hands the request's due news to its conversation's inbox, in order, and marks each as handed
     * over. News of a request that can no longer reach anyone (anonymised, erased) is marked without
     * a word.
     *
     * @return how many went into the inbox (not counting duplicates)
     */
    public int handOff(String requestId) {
        Optional<ContactRequest> found = records.findById(requestId);
        if (found.isEmpty()) {
            return 0;
        }
        ContactRequest request = found.get();
        int told = 0;
        for (Map.Entry<NewsKind, NewsMark> due : request.getNews().entrySet()) {
            if (due.getValue().handed()) {
                continue;
            }
            Instant now = clock.instant();
            Optional<ConversationKey> conversation = conversation(request);
            if (conversation.isPresent()) {
                RequestNews news = news(request, due.getKey(), now);
                if (inbox.accept(news.inbound(conversation.get(), now)) == Inbox.Acceptance.ACCEPTED) {
                    told++;
                    meters.counter("boussole.request_news.told", "kind", due.getKey().name(),
                            "channel", conversation.get().channel().id()).increment();
                }
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId)),
                    new Update().set("news." + due.getKey().name() + ".handedAt", now).inc("version", 1),
                    ContactRequest.class);
        }
        settle(requestId);
        return told;
    }

    /** Clears the pending flag once everything due is handed over (unless a change came meanwhile). */
    private void settle(String requestId) {
        records.findById(requestId)
                .filter(r -> r.isNewsPending() && r.getNews().values().stream().allMatch(NewsMark::handed))
                .ifPresent(r -> mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId)
                                .and("version").is(r.getVersion())),
                        new Update().unset("newsPending").inc("version", 1), ContactRequest.class));
    }

    private static Optional<ConversationKey> conversation(ContactRequest request) {
        if (request.isAnonymised() || request.getChannel() == null || request.getChannel() == Channel.EMAIL
                || request.getConversationAddress() == null || request.getConversationAddress().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ConversationKey(request.getChannel(), request.getConversationAddress()));
    }

    private RequestNews news(ContactRequest request, NewsKind kind, Instant now) {
        RequestView view = requests.find(request.getId()).orElseThrow();
        RequestNews.Closing closing = kind == NewsKind.CLOSED ? closing(request.getOutcome()) : null;
        RequestNews.NextOffer next = null;
        RequestNews.Fallback fallback = null;
        if (kind == NewsKind.EXPIRED || (closing != null && closing.leftWithoutHelp())) {
            next = nextOffers.after(request, view.organisationName(), now).orElse(null);
            if (next == null) {
                fallback = infoJeunes.forCommune(request.getTerritoryId(), request.getCommuneInsee())
                        .map(desk -> new RequestNews.Fallback(desk.name(), desk.phone())).orElse(null);
            }
        }
        return new RequestNews(request.getId(), RequestNews.Kind.valueOf(kind.name()), closing,
                view.organisationName(), view.offerTitle(), next, fallback);
    }

    static RequestNews.Closing closing(Outcome outcome) {
        return switch (outcome) {
            case REACHED_AND_HELPED -> RequestNews.Closing.HELPED;
            case REACHED_NOT_WHAT_NEEDED -> RequestNews.Closing.NOT_WHAT_NEEDED;
            case UNREACHABLE -> RequestNews.Closing.UNREACHABLE;
            case NOT_ELIGIBLE -> RequestNews.Closing.NOT_ELIGIBLE;
            case NO_LONGER_AVAILABLE -> RequestNews.Closing.NO_LONGER_AVAILABLE;
            case DUPLICATE -> RequestNews.Closing.DUPLICATE;
            case OTHER -> RequestNews.Closing.OTHER;
        };
    }
}
