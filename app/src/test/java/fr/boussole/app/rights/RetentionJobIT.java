package fr.boussole.app.rights;

import de.bwaldvogel.mongo.MongoServer;
import fr.boussole.pipeline.conversation.Conversations;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.outbox.MongoOutbox;
import fr.boussole.app.testing.ChatClient;
import fr.boussole.app.testing.Instances;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.store.request.ContactRequest;
import fr.boussole.store.request.ContactRequestRecords;
import fr.boussole.store.request.Outcome;
import fr.boussole.store.search.Search;
import fr.boussole.store.search.SearchRecords;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention schedule on a fixed instant: for each limit, a record one second past it and one a
 * second short of it; one run of the job; exactly the old ones went. Fails if a default limit moves,
 * if the job forgets a kind of record, or if it takes anything not yet due.
 */
class RetentionJobIT {

    static final Instant NOW = Instant.parse("2027-06-15T12:00:00Z");
    static final Duration SECOND = Duration.ofSeconds(1);

    static MongoServer store;
    static ConfigurableApplicationContext app;
    static ChatClient chat;
    static MongoTemplate mongo;

    @BeforeAll
    static void start() {
        store = Instances.memoryStore();
        // the job must not run by itself during the test: only when the test calls it
        app = Instances.start("spring.mongodb.uri=" + Instances.uri(store), "boussole.retention.first-check=P1D");
        chat = new ChatClient(((WebServerApplicationContext) app).getWebServer().getPort());
        mongo = app.getBean(MongoTemplate.class);
    }

    @AfterAll
    static void stop() {
        app.close();
        store.shutdownNow();
    }

    @Test
    void each_kind_of_record_goes_exactly_when_its_time_is_up() {
        Instant thirtyDays = NOW.minus(Duration.ofDays(30));
        // conversations: last message just past 30 days, just short of it, and past it but opted out
        conversation("retention-idle-0001", "secret idle", thirtyDays.minus(SECOND));
        conversation("retention-active-01", "secret active", thirtyDays.plus(SECOND));
        conversation("retention-stopped-1", "secret stopped", thirtyDays.minus(SECOND));
        mongo.updateFirst(conversationDoc("web:retention-stopped-1"), new Update().set("optedOut", true), "conversations");
        // messages of a conversation still going on: one handled just past the limit, one just short of it
        say("retention-long-0001", "secret old message");
        String oldMessage = providerIdOf("retention-long-0001", "secret old message");
        say("retention-long-0001", "secret new message");
        mongo.updateFirst(conversationDoc("web:retention-long-0001"), new Update().set("updatedAt", Date.from(thirtyDays.plus(SECOND))),
                "conversations");
        dateMessages("retention-long-0001", "secret old message", thirtyDays.minus(SECOND));
        dateMessages("retention-long-0001", "secret new message", thirtyDays.plus(SECOND));
        // requests: closed just past 12 months, just short of it, and open for longer
        ContactRequestRecords requests = app.getBean(ContactRequestRecords.class);
        Instant twelveMonths = NOW.atZone(ZoneOffset.UTC).minusMonths(12).toInstant();
        requests.save(closed("cr_old", twelveMonths.minus(SECOND)));
        requests.save(closed("cr_recent", twelveMonths.plus(SECOND)));
        requests.save(ContactRequest.open("cr_open", draft(), "org_1", 3));
        // searches: just past 25 months and just short of it
        SearchRecords searches = app.getBean(SearchRecords.class);
        Instant twentyFiveMonths = NOW.atZone(ZoneOffset.UTC).minusMonths(25).toInstant();
        searches.save(new Search("se_old", "46042", "te_lot", "emploi", 2, twentyFiveMonths.minus(SECOND)));
        searches.save(new Search("se_recent", "46042", "te_lot", "emploi", 2, twentyFiveMonths.plus(SECOND)));

        RetentionJob.Report report = app.getBean(RetentionJob.class).run(NOW);

        assertThat(mongo.findOne(conversationDoc("web:retention-idle-0001"), Document.class, "conversations")).as("idle: gone").isNull();
        assertThat(dump()).as("nothing left of the idle conversation, address included")
                .doesNotContain("secret idle").doesNotContain("retention-idle-0001");
        assertThat(mongo.findOne(conversationDoc("web:retention-active-01"), Document.class, "conversations")).as("active: kept").isNotNull();
        assertThat(texts("web:retention-active-01")).contains("secret active");
        Document stopped = mongo.findOne(conversationDoc("web:retention-stopped-1"), Document.class, "conversations");
        assertThat(stopped).as("opted out: the flag stays").isNotNull();
        assertThat(stopped.getBoolean("optedOut")).isTrue();
        assertThat(texts("web:retention-stopped-1")).as("opted out: its old message pruned").isEmpty();
        assertThat(texts("web:retention-long-0001")).as("the message handled before the limit is pruned")
                .containsExactly("secret new message");
        assertThat(outboxTexts("web:retention-long-0001")).as("the reply sent before the limit is pruned")
                .containsExactly("echo 2: secret new message");
        assertThat(mongo.exists(byId(InboundMessages.idOf(Channel.WEB, oldMessage)), "inbound_seen"))
                .as("a pruned message's key stays: a redelivery is still a duplicate").isTrue();

        assertThat(requests.findById("cr_old").orElseThrow().isAnonymised()).isTrue();
        assertThat(requests.findById("cr_recent").orElseThrow().isAnonymised()).isFalse();
        assertThat(requests.findById("cr_open").orElseThrow().isAnonymised()).isFalse();
        assertThat(searches.findAll()).extracting(Search::getId).containsExactly("se_recent");
        assertThat(report).isEqualTo(new RetentionJob.Report(2, 3, 3, 1, 1, 0, 0, 0, 0, 0, 0, 0));

        assertThat(app.getBean(RetentionJob.class).run(NOW)).as("a second run finds nothing more")
                .isEqualTo(new RetentionJob.Report(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    /**
     * Fails if a request its organisation never closes keeps the young person's contact and answers for
     * ever (it did): three months after its due date it is anonymised like a closed one, whatever its
     * status, and not a second earlier.
     */
    @Test
    void a_request_left_open_is_anonymised_three_months_after_its_due_date() {
        ContactRequestRecords requests = app.getBean(ContactRequestRecords.class);
        Instant threeMonths = NOW.atZone(ZoneOffset.UTC).minusMonths(3).toInstant();
        requests.save(dueAt("cr_open_old", threeMonths.minus(SECOND)));
        requests.save(dueAt("cr_open_recent", threeMonths.plus(SECOND)));
        ContactRequest started = dueAt("cr_started_old", threeMonths.minus(SECOND));
        started.start("pro_1", threeMonths.minus(Duration.ofDays(10)));
        requests.save(started);

        RetentionJob.Report report = app.getBean(RetentionJob.class).run(NOW);

        ContactRequest old = requests.findById("cr_open_old").orElseThrow();
        assertThat(old.isAnonymised()).isTrue();
        assertThat(old.getContactAddress()).isNull();
        assertThat(old.getAnswers()).allSatisfy(a -> assertThat(a.values()).isEmpty());
        assertThat(requests.findById("cr_started_old").orElseThrow().isAnonymised()).as("in progress for ever").isTrue();
        assertThat(requests.findById("cr_open_recent").orElseThrow().isAnonymised()).isFalse();
        assertThat(report.openRequestsAnonymised()).isEqualTo(2);
        assertThat(app.getBean(RetentionJob.class).run(NOW).openRequestsAnonymised()).as("a second run").isZero();
    }

    /**
     * Fails if a record kind is kept for ever (they were): the key of a deleted message (kept so that a late
     * redelivery is still a duplicate) goes 90 days after the message was received, the console's audit log
     * after 12 months, WhatsApp's service window of a number once it has been silent for the 30 days of an
     * idle conversation; each not a second earlier.
     */
    @Test
    void what_outlives_a_record_for_a_while_goes_too_when_its_own_time_is_up() {
        // a message handled just past 30 days: deleted now, its key kept
        say("retention-keys-0001", "secret keyed message");
        String keyed = InboundMessages.idOf(Channel.WEB, providerIdOf("retention-keys-0001", "secret keyed message"));
        dateMessages("retention-keys-0001", "secret keyed message", NOW.minus(Duration.ofDays(30)).minus(SECOND));
        // audit entries just past 12 months and just short of it
        Instant twelveMonths = NOW.atZone(ZoneOffset.UTC).minusMonths(12).toInstant();
        mongo.insert(new Document("_id", "au_retention_old").append("action", "REQUEST_VIEWED")
                .append("at", Date.from(twelveMonths.minus(SECOND))), "console_audit_log");
        mongo.insert(new Document("_id", "au_retention_recent").append("action", "REQUEST_VIEWED")
                .append("at", Date.from(twelveMonths.plus(SECOND))), "console_audit_log");
        // WhatsApp windows: silent just past 30 days, just short of it, and a template sent since
        Instant thirtyDays = NOW.minus(Duration.ofDays(30));
        mongo.insert(new Document("_id", "wa_silent").append("lastInboundAt", Date.from(thirtyDays.minus(SECOND))),
                "whatsapp_service_windows");
        mongo.insert(new Document("_id", "wa_recent").append("lastInboundAt", Date.from(thirtyDays.plus(SECOND))),
                "whatsapp_service_windows");
        mongo.insert(new Document("_id", "wa_reengaged").append("lastInboundAt", Date.from(thirtyDays.minus(SECOND)))
                .append("reengagedAt", Date.from(thirtyDays.plus(SECOND))), "whatsapp_service_windows");

        RetentionJob job = app.getBean(RetentionJob.class);
        RetentionJob.Report report = job.run(NOW);

        assertThat(texts("web:retention-keys-0001")).isEmpty();
        assertThat(mongo.exists(byId(keyed), "inbound_seen")).as("the key of the message deleted").isTrue();
        assertThat(mongo.findAll(Document.class, "console_audit_log")).extracting(d -> d.getString("_id"))
                .contains("au_retention_recent").doesNotContain("au_retention_old");
        assertThat(mongo.findAll(Document.class, "whatsapp_service_windows")).extracting(d -> d.getString("_id"))
                .contains("wa_recent", "wa_reengaged").doesNotContain("wa_silent");
        assertThat(report.auditEntriesDeleted()).isEqualTo(1);
        assertThat(report.silentAddressesForgotten()).isEqualTo(1);

        // the key: 90 days after the message was received, which the pruning 30 days after dates to the second
        job.run(NOW.plus(Duration.ofDays(60)).minus(SECOND));
        assertThat(mongo.exists(byId(keyed), "inbound_seen")).as("a second short of 90 days").isTrue();
        assertThat(job.run(NOW.plus(Duration.ofDays(60)).plus(SECOND)).inboundKeysForgotten()).isPositive();
        assertThat(mongo.exists(byId(keyed), "inbound_seen")).as("a second past 90 days").isFalse();
    }

    /** An open request due at {@code due} (made three days before it). */
    static ContactRequest dueAt(String id, Instant due) {
        ContactRequestDraft draft = draft();
        ContactRequestDraft made = new ContactRequestDraft(draft.conversation(), draft.offerId(), draft.territoryId(), draft.theme(),
                draft.questionnaireId(), draft.questionnaireVersion(), draft.age(), draft.communeInsee(), draft.communeName(),
                List.of(new fr.boussole.core.conversation.Answer("q1", "Ta situation ?", List.of("secret answer"), List.of())),
                draft.contactMethod(), draft.contactAddress(), draft.consent(), due.minus(Duration.ofDays(3)));
        return ContactRequest.open(id, made, "org_1", 3);
    }

    /**
     * News of a request (or a person's words) written to a web chat waits for its page to come back,
     * beyond the hour after which a reply no request took is emptied.
     */
    @Test
    void what_the_bot_wrote_first_to_a_web_chat_waits_for_the_page_beyond_the_hour() {
        ConversationKey web = new ConversationKey(Channel.WEB, "retention-news-0001");
        MongoOutbox outbox = app.getBean(MongoOutbox.class);
        String news = "Mission locale s'occupe de ta demande.";
        outbox.enqueue(new fr.boussole.core.delivery.Delivery("ob_retention_news", Channel.WEB, web.address(), web, 1, 1,
                new fr.boussole.core.delivery.DeliveryPayload.Chat(
                        fr.boussole.core.message.OutboundMessage.of(news).asUnprompted())), "in_retention_news");
        outbox.enqueue(new fr.boussole.core.delivery.Delivery("ob_retention_reply", Channel.WEB, web.address(), web, 2, 1,
                new fr.boussole.core.delivery.DeliveryPayload.Chat(
                        fr.boussole.core.message.OutboundMessage.of("Une réponse que la page n'a pas prise."))), "in_retention_reply");
        mongo.updateMulti(Query.query(Criteria.where("_id").in("ob_retention_news", "ob_retention_reply")),
                new Update().set("createdAt", Date.from(NOW.minus(Duration.ofHours(2)))), "outbox");

        RetentionJob.Report report = app.getBean(RetentionJob.class).run(NOW);

        assertThat(report.webRepliesEmptied()).as("the untaken reply").isEqualTo(1);
        assertThat(app.getBean(fr.boussole.pipeline.outbox.WebReplies.class).takeUnread(web))
                .extracting(fr.boussole.core.message.OutboundMessage::text).containsExactly(news);
    }

    /** A web conversation whose only message and reply are dated {@code at}. */
    static void conversation(String session, String text, Instant at) {
        say(session, text);
        mongo.updateFirst(conversationDoc("web:" + session), new Update().set("updatedAt", Date.from(at)), "conversations");
        dateMessages(session, text, at);
    }

    static String providerIdOf(String session, String text) {
        return app.getBean(InboundMessages.class).all(new ConversationKey(Channel.WEB, session)).stream()
                .filter(m -> text.equals(m.inbound().text())).findFirst().orElseThrow().inbound().providerMessageId();
    }

    static void say(String session, String text) {
        assertThat(chat.say(session, text).statusCode()).isEqualTo(200);
    }

    static void dateMessages(String session, String text, Instant at) {
        String id = app.getBean(InboundMessages.class).all(new ConversationKey(Channel.WEB, session)).stream()
                .filter(m -> text.equals(m.inbound().text())).findFirst().orElseThrow().id();
        mongo.updateFirst(byId(id), new Update().set("acceptedAt", Date.from(at)), "inbound_messages");
        mongo.updateMulti(Query.query(Criteria.where("inboundId").is(id)),
                new Update().set("createdAt", Date.from(at)), "outbox");
    }

    /** The texts of a conversation's messages, opened by the store that sealed them. */
    static List<String> texts(String conversation) {
        return app.getBean(InboundMessages.class).all(ConversationKey.parse(conversation)).stream()
                .map(m -> m.inbound().text()).toList();
    }

    static List<String> outboxTexts(String conversation) {
        return app.getBean(MongoOutbox.class).entries(ConversationKey.parse(conversation)).stream()
                .map(d -> d.get("payload", Document.class).getString("text")).toList();
    }

    /** A conversation's document, found as the store names it: channel and keyed hash of the address. */
    static Query conversationDoc(String conversation) {
        return byId(app.getBean(Conversations.class).ref(ConversationKey.parse(conversation)));
    }

    static String dump() {
        StringBuilder all = new StringBuilder();
        for (String collection : mongo.getCollectionNames()) {
            mongo.getCollection(collection).find().forEach(doc -> all.append(doc.toJson()).append('\n'));
        }
        return all.toString();
    }

    static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    static ContactRequest closed(String id, Instant at) {
        ContactRequest request = ContactRequest.open(id, draft(), "org_1", 3);
        request.close(Outcome.REACHED_AND_HELPED, "rappelé", at);
        return request;
    }

    static ContactRequestDraft draft() {
        return new ContactRequestDraft(new ConversationKey(Channel.SMS, "+33612000801"), "of_1", "te_lot", "emploi",
                "emploi", 1, 22, "46042", "Cahors", List.of(), ContactMethod.PHONE, "+33612000801", null, NOW);
    }
}
