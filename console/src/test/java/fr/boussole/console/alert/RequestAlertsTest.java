package fr.boussole.console.alert;

import fr.boussole.core.ids.Tokens;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.core.offer.ContactRequests;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class RequestAlertsTest extends ConsoleIntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/console/alerte/[A-Za-z0-9_-]{43})");

    @Autowired
    RequestAlerts alerts;
    @Autowired
    AlertLinks links;
    @Autowired
    MongoTemplate mongo;

    @Test
    void each_alert_contact_gets_a_french_email_with_the_offer_the_answers_the_due_date_and_a_link() throws Exception {
        var world = fixtures.world();
        String id = fixtures.request(world, world.a(), clock.instant());

        alerts.requestRecorded(recorded(id, world.a().offerId(), world.a().id()));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(world.a().alertEmail());
        assertThat(mail.getSubject()).contains("Nouvelle demande de contact").contains(world.a().offerTitle())
                .contains("jeudi 5 mars 2026");
        assertThat(mail.getContent()).isInstanceOf(MimeMultipart.class);
        String text = text(mail);
        assertThat(text).contains("19 ans").contains("Cahors").contains(world.a().offerTitle())
                .contains("par téléphone").contains("sous 3 jour(s)").contains("jeudi 5 mars 2026")
                .contains("Quelle est ta situation ? : Étudiant(e)").contains("Un job, Un CV")
                .contains("valable jusqu'au samedi 7 mars 2026");
        // The phone number is behind the link (and its audit entry), never in the mailbox.
        assertThat(GreenMailUtil.getWholeMessage(mail)).doesNotContain("06 12 34 56 78");
        assertThat(LINK.matcher(text).find()).isTrue();
    }

    @Test
    void a_request_recorded_through_the_store_port_is_alerted_with_its_due_date() throws Exception {
        var world = fixtures.world();
        var recorded = fixtures.record(world, world.b(), clock.instant());

        alerts.requestRecorded(recorded);

        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(world.b().alertEmail());
        assertThat(recorded.dueAt()).isEqualTo(clock.instant().plus(Duration.ofDays(3)));
        assertThat(text(mail)).contains(world.b().offerTitle()).contains("jeudi 5 mars 2026");
    }

    @Test
    void a_replayed_alert_sends_nothing_twice() {
        var world = fixtures.world();
        String id = fixtures.request(world, world.a(), clock.instant());
        var recorded = recorded(id, world.a().offerId(), world.a().id());

        alerts.requestRecorded(recorded);
        alerts.requestRecorded(recorded);

        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(outbox.enqueued()).hasSize(1);
    }

    @Test
    void the_token_is_stored_only_as_a_hash_bound_to_its_request_and_recipient() throws Exception {
        var world = fixtures.world();
        String id = fixtures.request(world, world.a(), clock.instant());
        alerts.requestRecorded(recorded(id, world.a().offerId(), world.a().id()));
        String token = token(greenMail.getReceivedMessages()[0]);

        AlertLink link = links.findById(Tokens.hash(token)).orElseThrow();
        assertThat(link.requestId()).isEqualTo(id);
        assertThat(link.recipient()).isEqualTo(world.a().alertEmail());
        assertThat(link.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(5)));
        String everything = mongo.getCollection("console_alert_links").find().into(new java.util.ArrayList<>()).toString();
        assertThat(everything).doesNotContain(token);
    }

    @Test
    void the_link_opens_its_request_with_the_contact_details_and_takes_a_follow_up_without_password() throws Exception {
        var world = fixtures.world();
        String id = fixtures.request(world, world.a(), clock.instant());
        alerts.requestRecorded(recorded(id, world.a().offerId(), world.a().id()));
        String path = path(greenMail.getReceivedMessages()[0]);

        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("06 12 34 56 78")));
        mvc.perform(post(path + "/suivi").with(csrf()).param("at", "2026-03-02T10:30").param("means", "PHONE")
                        .param("comment", "Appelé, rendez-vous pris mardi").param("outcome", "REACHED_AND_HELPED"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get(path)).andExpect(content().string(org.hamcrest.Matchers.containsString("rendez-vous pris mardi")));
        var entries = mongo.getCollection("console_audit_log").find(new org.bson.Document("subjectId", id))
                .into(new java.util.ArrayList<>());
        assertThat(entries).extracting(d -> d.getString("action"))
                .contains("CONTACT_DETAILS_VIEWED_BY_ALERT_LINK", "FOLLOW_UP_RECORDED");
        assertThat(entries).extracting(d -> d.getString("actor")).contains("alert:" + world.a().alertEmail());
    }

    @Test
    void the_link_opens_nothing_else_than_its_request() throws Exception {
        var world = fixtures.world();
        String id = fixtures.request(world, world.a(), clock.instant());
        alerts.requestRecorded(recorded(id, world.a().offerId(), world.a().id()));
        String path = path(greenMail.getReceivedMessages()[0]);

        // Having opened the link gives no console session: the list and other pages still ask to sign in.
        var session = mvc.perform(get(path)).andReturn().getRequest().getSession();
        mvc.perform(get("/console/demandes").session((org.springframework.mock.web.MockHttpSession) session))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/demandes/" + id).session((org.springframework.mock.web.MockHttpSession) session))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void a_request_id_slipped_into_the_link_form_cannot_redirect_the_follow_up() throws Exception {
        var world = fixtures.world();
        String own = fixtures.request(world, world.a(), clock.instant());
        String other = fixtures.request(world, world.b(), clock.instant());
        alerts.requestRecorded(recorded(own, world.a().offerId(), world.a().id()));
        String path = path(greenMail.getReceivedMessages()[0]);

        mvc.perform(post(path + "/suivi").with(csrf()).param("at", "2026-03-02T10:30").param("means", "PHONE")
                .param("comment", "noté").param("id", other).param("requestId", other)).andExpect(status().is3xxRedirection());

        assertThat(followUps(other)).isEmpty();
        assertThat(followUps(own)).hasSize(1);
    }

    private java.util.List<Object> followUps(String requestId) {
        return mongo.getCollection("contactRequests").find(new org.bson.Document("_id", requestId)).first()
                .getList("followUps", Object.class);
    }

    @Test
    void an_expired_link_is_refused_with_a_clear_page_and_takes_no_follow_up() throws Exception {
        var world = fixtures.world();
        String id = fixtures.request(world, world.a(), clock.instant());
        alerts.requestRecorded(recorded(id, world.a().offerId(), world.a().id()));
        String path = path(greenMail.getReceivedMessages()[0]);

        clock.advance(Duration.ofDays(5));

        mvc.perform(get(path)).andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ce lien a expiré")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("06 12 34 56 78"))));
        mvc.perform(post(path + "/suivi").with(csrf()).param("at", "2026-03-07T10:30").param("means", "PHONE")
                .param("comment", "trop tard")).andExpect(status().isGone());
        assertThat(mongo.getCollection("contactRequests").find(new org.bson.Document("_id", id)).first()
                .getList("followUps", Object.class)).isEmpty();
    }

    @Test
    void an_unknown_or_forged_token_is_refused() throws Exception {
        mvc.perform(get("/console/alerte/" + "A".repeat(43))).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ce lien n'est pas valable")));
        mvc.perform(get("/console/alerte/short")).andExpect(status().isNotFound());
    }

    static ContactRequests.Recorded recorded(String id, String offerId, String organisationId) {
        var start = fr.boussole.console.support.ConsoleTestApplication.START;
        return new ContactRequests.Recorded(id, offerId, organisationId, start, start.plus(Duration.ofDays(3)));
    }

    static String text(MimeMessage mail) throws Exception {
        return GreenMailUtil.getBody(mail).isEmpty() ? "" : textPart(mail.getContent());
    }

    private static String textPart(Object content) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                String nested = textPart(part.getContent());
                if (!nested.isEmpty()) {
                    return nested;
                }
            }
        }
        return "";
    }

    static String path(MimeMessage mail) throws Exception {
        var matcher = LINK.matcher(text(mail));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    static String token(MimeMessage mail) throws Exception {
        String path = path(mail);
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
