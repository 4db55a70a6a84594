package fr.boussole.store.promise;

import fr.boussole.core.ids.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class RequestAlertsTest extends PromiseTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080/console/alerte/([A-Za-z0-9_-]{43})");

    @Autowired
    RequestAlerts alerts;
    @Autowired
    AlertLinks links;
    @Autowired
    AlertLinkService linkService;

    @Test
    void each_alert_contact_gets_a_french_email_with_the_offer_the_answers_the_due_date_and_a_link() {
        var world = world();
        var recorded = world.request(world.a, clock.instant());

        alerts.requestRecorded(recorded);

        var mail = emailTo(world.a.alertEmail());
        assertThat(mail.subject()).contains("Nouvelle demande de contact").contains(world.a.offerTitle())
                .contains("jeudi 5 mars 2026");
        assertThat(mail.text()).contains("19 ans").contains("Cahors").contains(world.a.offerTitle())
                .contains("par téléphone").contains("sous 3 jour(s)").contains("jeudi 5 mars 2026")
                .contains("Quelle est ta situation ? : Étudiant(e)").contains("Un job, Un CV")
                .contains("valable jusqu'au samedi 7 mars 2026");
        assertThat(mail.html()).contains("<span>Emploi</span>").contains("<strong>Un job, Un CV</strong>");
        // The phone number is behind the link (and its audit entry), never in the mailbox.
        assertThat(mail.subject() + mail.text() + mail.html()).doesNotContain("06 12 34 56 78");
        assertThat(LINK.matcher(mail.text()).find()).isTrue();
        assertThat(emailsTo(world.b.alertEmail())).isEmpty();
    }

    @Test
    void a_replayed_alert_sends_nothing_twice() {
        var world = world();
        var recorded = world.request(world.a, clock.instant());

        alerts.requestRecorded(recorded);
        alerts.requestRecorded(recorded);

        assertThat(outbox.enqueued()).hasSize(1);
    }

    @Test
    void the_token_is_stored_only_as_a_hash_bound_to_its_request_and_recipient() {
        var world = world();
        var recorded = world.request(world.a, clock.instant());
        alerts.requestRecorded(recorded);
        String token = token(world.a.alertEmail());

        AlertLink link = links.findById(Tokens.hash(token)).orElseThrow();
        assertThat(link.requestId()).isEqualTo(recorded.requestId());
        assertThat(link.recipient()).isEqualTo(world.a.alertEmail());
        assertThat(link.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(5)));
        String everything = mongo.getCollection("console_alert_links").find().into(new ArrayList<>()).toString();
        assertThat(everything).doesNotContain(token);
    }

    @Test
    void a_link_opens_its_request_until_it_expires_and_a_forged_one_opens_nothing() {
        var world = world();
        var recorded = world.request(world.a, clock.instant());
        alerts.requestRecorded(recorded);
        String token = token(world.a.alertEmail());

        assertThat(linkService.check(token)).isInstanceOfSatisfying(AlertLinkService.Check.Valid.class,
                valid -> assertThat(valid.link().requestId()).isEqualTo(recorded.requestId()));
        clock.advance(Duration.ofDays(5));
        assertThat(linkService.check(token)).isInstanceOf(AlertLinkService.Check.Expired.class);
        assertThat(linkService.check("A".repeat(43))).isInstanceOf(AlertLinkService.Check.Unknown.class);
        assertThat(linkService.check("short")).isInstanceOf(AlertLinkService.Check.Unknown.class);
    }

    private String token(String recipient) {
        var matcher = LINK.matcher(emailTo(recipient).text());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
