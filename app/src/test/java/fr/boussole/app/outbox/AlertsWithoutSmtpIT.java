package fr.boussole.app.outbox;

import fr.boussole.app.testing.ConsoleBrowser;
import fr.boussole.pipeline.outbox.OutboxStatus;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.message.Channel;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application without an SMTP server (the README's first command, and any set-up that forgot
 * {@code SPRING_MAIL_HOST}), with the outbox's attempts and backoff compressed as in {@link FlakyProviders}.
 * Fails if an alert email uses up an attempt while there is no server to try (it was dead-lettered after
 * the configured attempts, about seven hours by default, although the README says alerts wait), or if the
 * console does not say that emails are waiting.
 */
class AlertsWithoutSmtpIT extends FlakyProviders {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Test
    void an_alert_waits_in_the_outbox_without_using_attempts_and_the_console_says_so() throws Exception {
        String id = "ob_no_smtp_" + IDS.incrementAndGet();
        outbox.enqueue(new Delivery(id, Channel.EMAIL, "conseiller@mission-locale-quercy.example.org", null, 0, 1,
                new DeliveryPayload.Email("Nouvelle demande", "Une demande vous attend.", "<p>Une demande vous attend.</p>")));

        Document entry = awaitTried(id);
        assertThat(entry.getString("status")).isEqualTo(OutboxStatus.PENDING.name());
        assertThat(entry.getInteger("attempts", 0)).as("a missing SMTP server is not a failed attempt").isZero();

        ConsoleBrowser animateur = ConsoleBrowser.signedIn(port, "animatrice@boussole-lot.example.org");
        assertThat(animateur.get("/console").body()).contains("id=\"mail-not-configured\"").contains("SPRING_MAIL_HOST");
    }

    /** The entry once the worker has tried it (its error recorded), or a failure after the wait. */
    private Document awaitTried(String id) {
        return await("the email " + id + " tried", () -> {
            Document entry = mongo.findById(id, Document.class, "outbox");
            return entry != null && entry.get("lastError") != null ? entry : null;
        });
    }
}
