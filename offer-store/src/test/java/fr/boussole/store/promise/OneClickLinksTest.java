package fr.boussole.store.promise;

import fr.boussole.store.request.Outcome;
import fr.boussole.store.request.RequestBook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert email's one-click answers: "Je l'ai contacté" and "Ce n'est pas pour nous" are links of
 * their own, bound to one request and recipient, stored as hashes and spent once; an expired link
 * asks for a fresh set, sent to the alert's recipient only, once an hour at most.
 */
class OneClickLinksTest extends PromiseTest {

    private static final Pattern LINKS = Pattern.compile(
            "http://localhost:8080/console/alerte/([A-Za-z0-9_-]{43})");

    @Autowired
    RequestAlerts alerts;
    @Autowired
    AlertLinkService links;
    @Autowired
    FreshAlertLinks freshLinks;
    @Autowired
    RequestBook requests;

    @Test
    void the_alert_carries_the_page_link_then_the_two_answers_each_bound_to_the_request_and_recipient() {
        var world = world();
        var recorded = world.request(world.a, clock.instant());
        alerts.requestRecorded(recorded);

        var mail = emailTo(world.a.alertEmail());
        assertThat(mail.text()).contains("Je l'ai contacté : http").contains("Ce n'est pas pour nous : http");
        assertThat(mail.html()).contains(">Je l'ai contacté</a>").contains(">Ce n'est pas pour nous</a>");
        List<String> tokens = tokens(mail.text());
        assertThat(tokens).hasSize(3).doesNotHaveDuplicates();
        assertThat(tokens).extracting(t -> links.find(t).orElseThrow().does())
                .containsExactly(LinkAction.OPEN, LinkAction.CONTACTED, LinkAction.NOT_FOR_US);
        assertThat(tokens).allSatisfy(t -> {
            AlertLink link = links.find(t).orElseThrow();
            assertThat(link.requestId()).isEqualTo(recorded.requestId());
            assertThat(link.recipient()).isEqualTo(world.a.alertEmail());
        });
        String stored = mongo.getCollection("console_alert_links").find().into(new ArrayList<>()).toString();
        assertThat(tokens).noneSatisfy(t -> assertThat(stored).contains(t));
    }

    @Test
    void a_one_click_link_is_spent_once_and_the_page_link_never() {
        var world = world();
        alerts.requestRecorded(world.request(world.a, clock.instant()));
        List<String> tokens = tokens(emailTo(world.a.alertEmail()).text());
        String page = tokens.get(0);
        String contacted = tokens.get(1);

        assertThat(links.use(page)).isEmpty();
        assertThat(links.check(page)).isInstanceOf(AlertLinkService.Check.Valid.class);
        assertThat(links.use(contacted)).isPresent();
        assertThat(links.use(contacted)).isEmpty();
        assertThat(links.check(contacted)).isInstanceOf(AlertLinkService.Check.Used.class);
        assertThat(links.use("A".repeat(43))).isEmpty();
        assertThat(links.use("short")).isEmpty();
    }

    @Test
    void an_expired_one_click_link_does_nothing() {
        var world = world();
        alerts.requestRecorded(world.request(world.a, clock.instant()));
        String notForUs = tokens(emailTo(world.a.alertEmail()).text()).get(2);

        clock.advance(Duration.ofDays(5));

        assertThat(links.use(notForUs)).isEmpty();
        assertThat(links.check(notForUs)).isInstanceOf(AlertLinkService.Check.Expired.class);
    }

    @Test
    void an_expired_link_gets_a_fresh_set_of_links_for_the_same_recipient_once_an_hour() {
        var world = world();
        var recorded = world.request(world.a, clock.instant());
        alerts.requestRecorded(recorded);
        String page = tokens(emailTo(world.a.alertEmail()).text()).get(0);
        clock.advance(Duration.ofDays(6));

        assertThat(freshLinks.send(page)).isEqualTo(FreshAlertLinks.Result.SENT);
        assertThat(freshLinks.send(page)).isEqualTo(FreshAlertLinks.Result.TOO_SOON);
        clock.advance(Duration.ofMinutes(61));
        assertThat(freshLinks.send(page)).isEqualTo(FreshAlertLinks.Result.SENT);

        var mails = emailsTo(world.a.alertEmail());
        assertThat(mails).hasSize(3);
        var fresh = mails.get(1);
        assertThat(fresh.subject()).contains("Nouveau lien").contains(world.a.offerTitle());
        List<String> freshTokens = tokens(fresh.text());
        assertThat(freshTokens).hasSize(3);
        assertThat(links.check(freshTokens.get(0))).isInstanceOfSatisfying(AlertLinkService.Check.Valid.class,
                valid -> assertThat(valid.link().requestId()).isEqualTo(recorded.requestId()));
        assertThat(outbox.enqueued().values()).allSatisfy(d -> assertThat(d.recipient()).isEqualTo(world.a.alertEmail()));
    }

    @Test
    void no_fresh_link_for_a_closed_request_an_unknown_token_or_an_address_no_longer_alerted() {
        var world = world();
        var recorded = world.request(world.a, clock.instant());
        alerts.requestRecorded(recorded);
        String page = tokens(emailTo(world.a.alertEmail()).text()).get(0);

        assertThat(freshLinks.send("A".repeat(43))).isEqualTo(FreshAlertLinks.Result.NOT_AVAILABLE);
        var organisation = organisations.findById(world.a.id()).orElseThrow();
        var contacts = organisation.getContacts();
        organisation.setContacts(contacts.stream().filter(c -> !c.email().equals(world.a.alertEmail())).toList());
        organisations.save(organisation);
        assertThat(freshLinks.send(page)).isEqualTo(FreshAlertLinks.Result.NOT_AVAILABLE);
        organisation.setContacts(contacts);
        organisations.save(organisation);
        requests.close(recorded.requestId(), "pro", clock.instant(), Outcome.DUPLICATE, null);
        assertThat(freshLinks.send(page)).isEqualTo(FreshAlertLinks.Result.NOT_AVAILABLE);
        assertThat(emailsTo(world.a.alertEmail())).hasSize(1);
        assertThat(links.find(page).orElseThrow().reissuedAt()).isNull();
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = LINKS.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group(1));
        }
        return tokens;
    }
}
