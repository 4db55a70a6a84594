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
        assertThat(mail.subject() + mail.text() + mail.html()).doesNotContain("+33612345678", "06 12 34 56 78");
        assertThat(LINK.matcher(mail.text()).find()).isTrue();
        assertThat(emailsTo(world.b.alertEmail())).isEmpty();
    }

    @Test
    void an_urgent_request_says_so_to_the_organisation_and_alerts_the_territory_s_animateurs_at_once() {
        var world = world();
        var recorded = world.urgentRequest(world.a, clock.instant());

        alerts.requestRecorded(recorded);

        var mail = emailTo(world.a.alertEmail());
        assertThat(mail.subject()).startsWith("[Boussole] URGENT").contains("Nouvelle demande de contact");
        assertThat(mail.text()).contains("DEMANDE URGENTE").contains("C'est urgent ? : Oui, très");
        assertThat(mail.html()).contains("Demande urgente");
        var animateur = emailTo(world.animateurEmail);
        assertThat(animateur.subject()).contains("URGENT").contains("Cahors").contains(world.a.name());
        assertThat(animateur.text()).contains("17 ans").contains(world.a.offerTitle())
                .contains("http://localhost:8080/console/demandes/" + recorded.requestId());
        // the animateur signs in to see the young person: no contact details, no personal link in the mailbox
        assertThat(animateur.subject() + animateur.text() + animateur.html()).doesNotContain("06 12 34 56 78")
                .doesNotContain("/console/alerte/");
        assertThat(emailsTo(world.b.alertEmail())).isEmpty();

        alerts.requestRecorded(recorded);
        assertThat(outbox.enqueued()).as("a replay sends nothing twice").hasSize(2);
    }

    @Test
    void an_ordinary_request_is_not_sent_to_the_animateurs() {
        var world = world();

        alerts.requestRecorded(world.request(world.a, clock.instant()));

        assertThat(emailTo(world.a.alertEmail()).subject()).doesNotContain("URGENT");
        assertThat(emailsTo(world.animateurEmail)).isEmpty();
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
