package fr.boussole.app.promise;

import com.github.tomakehurst.wiremock.WireMockServer;
import de.bwaldvogel.mongo.MongoServer;
import fr.boussole.app.BoussoleApplication;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.inbound.InboundStatus;
import fr.boussole.app.testing.Instances;
import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.promise.ContactCheckPrompt;
import fr.boussole.core.promise.ContactChecks;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.Inbox;
import fr.boussole.core.offer.ContactRequests;
import fr.boussole.core.offer.MatchQuery;
import fr.boussole.core.offer.OfferCatalog;
import fr.boussole.core.offer.OfferSummary;
import fr.boussole.core.offer.TerritoryDirectory;
import fr.boussole.store.promise.ContactCheckJob;
import fr.boussole.store.promise.MongoContactChecks;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Were you contacted?" through the assembled app: the real engine, offer store, console and
 * Telegram channel (its API on WireMock). A request taken in hand and past due becomes a question on
 * Telegram; a "non" is recorded on the request and emails the territory's animatrice.
 */
class ContactCheckIT {

    private static final String ANIMATRICE = "animatrice@boussole-lot.example.org";
    private static final String SENT = """
            {"ok":true,"result":{"message_id":77,"chat":{"id":700111222,"type":"private"},"date":1795428100,"text":"x"}}""";

    static MongoServer store;
    static WireMockServer telegram;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        store = Instances.memoryStore();
        telegram = new WireMockServer(options().dynamicPort());
        telegram.start();
        telegram.stubFor(post(urlMatching("(?i)/bot.*/setwebhook")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"result\":true}")));
        telegram.stubFor(post(urlMatching("(?i)/bot.*/sendmessage")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(SENT)));
        List<String> arguments = new ArrayList<>(List.of(Instances.FAST));
        arguments.addAll(List.of("--spring.mongodb.uri=" + Instances.uri(store), "--boussole.store.demo.enabled=true",
                "--boussole.channels.telegram.bot-token=123456:test-token", "--boussole.channels.telegram.webhook-secret=contact-check-webhook-secret",
                "--boussole.channels.telegram.mode=webhook", "--boussole.channels.telegram.api-base-url=" + telegram.baseUrl(),
                // the test runs the job itself, at an instant past the due date
                "--boussole.store.promises.contact-checks.first-check=P1D"));
        app = new SpringApplicationBuilder(BoussoleApplication.class).run(arguments.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        app.close();
        telegram.stop();
        store.shutdownNow();
    }

    @Test
    void a_young_person_not_contacted_in_time_is_asked_and_their_no_alerts_the_animatrice() {
        ConversationKey young = new ConversationKey(Channel.TELEGRAM, "700111222");
        ContactRequests.Recorded onTelegram = request(young);
        ContactRequests.Recorded onTheWeb = request(new ConversationKey(Channel.WEB, "session-check-1"));
        ContactCheckJob job = app.getBean(ContactCheckJob.class);

        assertThat(job.askDue(onTelegram.dueAt().minusSeconds(60))).as("not before the due date").isZero();
        Instant later = onTelegram.dueAt().plus(Duration.ofHours(1));
        assertThat(job.askDue(later)).as("the web chat cannot be reached: only the Telegram one").isEqualTo(1);
        assertThat(job.askDue(later)).as("asked once").isZero();

        Instances.await("the question on Telegram", Duration.ofSeconds(20), () -> sentTexts().stream()
                .anyMatch(body -> body.contains("Pas encore")));
        assertThat(lastSent()).contains("700111222");

        app.getBean(Inbox.class).accept(Inbound.text("tg-update-9001", young, "non, personne ne m'a appelé", later));

        MongoContactChecks checks = app.getBean(MongoContactChecks.class);
        Instances.await("the answer recorded", Duration.ofSeconds(20),
                () -> checks.of(onTelegram.requestId()).map(c -> c.answer() == ContactChecks.Answer.NO).orElse(false));
        Instances.await("the animatrice alerted", Duration.ofSeconds(20), () -> !alertsTo(ANIMATRICE, onTelegram.requestId()).isEmpty());
        Instances.await("the thanks on Telegram", Duration.ofSeconds(20), () -> lastSent().contains("anime la Boussole"));
        assertThat(checks.of(onTheWeb.requestId()).map(c -> c.answer())).as("the web request is not answered").isEmpty();
        assertThat(alertsTo(ANIMATRICE, onTelegram.requestId())).hasSize(1);
    }

    /**
     * Broken promise if it fails: the question is lost when the job dies after taking the request and
     * before the inbox holds the question (it used to mark the request first), or asked twice when it
     * dies after the inbox took it and before marking it.
     */
    @Test
    void a_job_dying_before_or_after_putting_the_question_in_the_inbox_asks_it_once_on_the_next_round() {
        long diesBefore = 700111301L;
        long diesAfter = 700111302L;
        ContactRequests.Recorded first = request(new ConversationKey(Channel.TELEGRAM, Long.toString(diesBefore)));
        ContactRequests.Recorded second = request(new ConversationKey(Channel.TELEGRAM, Long.toString(diesAfter)));
        ContactChecks checks = app.getBean(ContactChecks.class);
        Inbox inbox = app.getBean(Inbox.class);
        Instant later = second.dueAt().plus(Duration.ofHours(1));

        // A round that took both, put the second's question in the inbox, and died.
        List<ContactChecks.Due> taken = checks.takeDue(later, 50);
        assertThat(taken).extracting(ContactChecks.Due::requestId).contains(first.requestId(), second.requestId());
        ContactChecks.Due secondDue = taken.stream().filter(d -> d.requestId().equals(second.requestId())).findFirst().orElseThrow();
        assertThat(inbox.accept(ContactCheckPrompt.of(secondDue).inbound(secondDue.conversation(), later)))
                .isEqualTo(Inbox.Acceptance.ACCEPTED);

        assertThat(app.getBean(ContactCheckJob.class).askDue(later))
                .as("the next round asks the first; the second's question is a duplicate for the inbox").isEqualTo(1);
        assertThat(checks.takeDue(later, 50)).as("both marked now")
                .extracting(ContactChecks.Due::requestId).doesNotContain(first.requestId(), second.requestId());

        Instances.await("both questions on Telegram", Duration.ofSeconds(20),
                () -> questionsTo(diesBefore) == 1 && questionsTo(diesAfter) == 1);
        InboundMessages inbound = app.getBean(InboundMessages.class);
        Instances.await("both processed", Duration.ofSeconds(20), () -> inbound.count(InboundStatus.PENDING) == 0);
        assertThat(questionsTo(diesBefore)).as("asked once").isEqualTo(1);
        assertThat(questionsTo(diesAfter)).as("asked once").isEqualTo(1);
    }

    private static long questionsTo(long chat) {
        return sentTexts().stream().filter(body -> body.contains("\"" + chat + "\"") && body.contains("Pas encore")).count();
    }

    private static ContactRequests.Recorded request(ConversationKey conversation) {
        String territory = app.getBean(TerritoryDirectory.class).openTerritoryFor("46042").orElseThrow().id();
        OfferSummary offer = app.getBean(OfferCatalog.class).match(new MatchQuery(territory, "emploi", "46042", 20,
                Map.of(), LocalDate.now(), "seed")).getFirst();
        Instant now = Instant.now();
        ContactRequestDraft draft = new ContactRequestDraft(conversation, offer.id(), territory, "emploi", "emploi", 1,
                20, "46042", "Cahors", List.of(), ContactMethod.PHONE, "+33612345678",
                new ConsentRecord("J'accepte d'être contacté·e", "v1", now, conversation.channel()), now);
        ContactRequests.Recorded recorded = app.getBean(ContactRequests.class).record(Ids.random("cr"), draft);
        // taken in hand: "were you contacted?" is for those (a request still new is told its delay passed instead)
        app.getBean(fr.boussole.store.request.RequestBook.class).recordFollowUp(recorded.requestId(), "pro", now,
                fr.boussole.store.request.FollowUpMeans.PHONE, "messagerie", null);
        return recorded;
    }

    private static List<String> sentTexts() {
        return telegram.findAll(postRequestedFor(urlMatching("(?i)/bot.*/sendmessage"))).stream()
                .map(request -> request.getBodyAsString()).toList();
    }

    private static String lastSent() {
        List<String> sent = sentTexts();
        return sent.isEmpty() ? "" : sent.getLast();
    }

    /** The "not contacted" alerts about this request in the outbox (their id is derived as the console writes it). */
    private static List<Document> alertsTo(String recipient, String requestId) {
        // the recipient is sealed: found by its lookup key
        String lookup = app.getBean(fr.boussole.core.privacy.PersonalData.class).lookupKey(Channel.EMAIL, recipient);
        return app.getBean(MongoTemplate.class).find(Query.query(Criteria.where("recipientLookup").is(lookup)
                        .and("channel").is(Channel.EMAIL.id())), Document.class, "outbox").stream()
                .filter(d -> d.get("_id").equals(Ids.derived("ob", "not-contacted", requestId, recipient)))
                .toList();
    }
}
