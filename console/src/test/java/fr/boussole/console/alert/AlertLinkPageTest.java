package fr.boussole.console.alert;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.core.offer.ContactRequests;
import fr.boussole.store.promise.RequestAlerts;
import org.junit.jupiter.api.Test;
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

/**
 * The page an alert link opens: that one request, its contact details and a follow-up form, nothing
 * else. The links come from the store's promises (which issue and check them, see their tests).
 */
class AlertLinkPageTest extends ConsoleIntegrationTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/console/alerte/[A-Za-z0-9_-]{43})");

    @Autowired
    RequestAlerts alerts;
    @Autowired
    MongoTemplate mongo;

    @Test
    void the_link_opens_its_request_with_the_contact_details_and_takes_a_follow_up_without_password() throws Exception {
        var world = fixtures.world();
        String id = fixtures.request(world, world.a(), clock.instant());
        alerts.requestRecorded(recorded(id, world.a().offerId(), world.a().id()));
        String path = path(world.a().alertEmail());

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
        String path = path(world.a().alertEmail());

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
        String path = path(world.a().alertEmail());

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
        String path = path(world.a().alertEmail());

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

    @Test
    void je_l_ai_contacte_asks_before_it_acts_then_acts_once_and_is_audited() throws Exception {
        var world = fixtures.world();
        String id = fixtures.request(world, world.a(), clock.instant());
        alerts.requestRecorded(recorded(id, world.a().offerId(), world.a().id()));
        String contacted = paths(world.a().alertEmail()).get(1);

        // a mail filter opening the link changes nothing
        mvc.perform(get(contacted)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Oui, je l'ai contacté")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("06 12 34 56 78"))));
        assertThat(request(id).getString("status")).isEqualTo("NEW");

        mvc.perform(post(contacted + "/confirmer").with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"action-done\"")));
        assertThat(request(id).getString("status")).isEqualTo("CONTACTED");
        assertThat(followUps(id)).hasSize(1);

        mvc.perform(post(contacted + "/confirmer").with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"action-used\"")));
        mvc.perform(get(contacted)).andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"action-used\"")));
        assertThat(followUps(id)).hasSize(1);
        assertThat(audit(id)).extracting(d -> d.getString("action") + " " + d.getString("actor"))
                .containsExactly("FOLLOW_UP_RECORDED alert:" + world.a().alertEmail());
    }

    @Test
    void ce_n_est_pas_pour_nous_closes_with_the_reason_chosen_and_refuses_a_reason_of_its_own() throws Exception {
        var world = fixtures.world();
        String id = fixtures.request(world, world.a(), clock.instant());
        alerts.requestRecorded(recorded(id, world.a().offerId(), world.a().id()));
        String notForUs = paths(world.a().alertEmail()).get(2);

        mvc.perform(get(notForUs)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Pas éligible à l&#39;offre")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Offre plus disponible")));
        mvc.perform(post(notForUs + "/confirmer").with(csrf()).param("reason", "REACHED_AND_HELPED"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(notForUs + "/confirmer").with(csrf())).andExpect(status().isBadRequest());
        assertThat(request(id).getString("status")).isEqualTo("NEW");

        mvc.perform(post(notForUs + "/confirmer").with(csrf()).param("reason", "NO_LONGER_AVAILABLE")
                .param("comment", "Plus de places cette année")).andExpect(status().isOk());
        var stored = request(id);
        assertThat(stored.getString("status")).isEqualTo("CLOSED");
        assertThat(stored.getString("outcome")).isEqualTo("NO_LONGER_AVAILABLE");
        assertThat(audit(id)).extracting(d -> d.getString("action")).containsExactly("REQUEST_CLOSED");

        // the other one-click link, on a closed request, changes nothing and says so
        String contacted = paths(world.a().alertEmail()).get(1);
        mvc.perform(post(contacted + "/confirmer").with(csrf()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"action-closed\"")));
        assertThat(request(id).getString("status")).isEqualTo("CLOSED");
    }

    @Test
    void a_one_click_link_takes_no_follow_up_form_and_the_page_link_confirms_nothing() throws Exception {
        var world = fixtures.world();
        String id = fixtures.request(world, world.a(), clock.instant());
        alerts.requestRecorded(recorded(id, world.a().offerId(), world.a().id()));
        var all = paths(world.a().alertEmail());

        mvc.perform(post(all.get(1) + "/suivi").with(csrf()).param("at", "2026-03-02T10:30").param("means", "PHONE")
                .param("comment", "noté")).andExpect(status().isNotFound());
        mvc.perform(post(all.get(0) + "/confirmer").with(csrf())).andExpect(status().isNotFound());
        assertThat(followUps(id)).isEmpty();
    }

    @Test
    void an_expired_link_offers_a_fresh_one_sent_to_the_alerts_recipient() throws Exception {
        var world = fixtures.world();
        String id = fixtures.request(world, world.a(), clock.instant());
        alerts.requestRecorded(recorded(id, world.a().offerId(), world.a().id()));
        String path = path(world.a().alertEmail());
        clock.advance(Duration.ofDays(6));

        mvc.perform(get(path)).andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("M'envoyer un nouveau lien")));
        mvc.perform(post(path + "/nouveau-lien").with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"fresh-link-sent\"")));
        mvc.perform(post(path + "/nouveau-lien").with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"fresh-link-too-soon\"")));

        var emails = emailsTo(world.a().alertEmail());
        assertThat(emails).hasSize(2);
        var matcher = LINK.matcher(emails.get(1).text());
        assertThat(matcher.find()).isTrue();
        mvc.perform(get(matcher.group(1))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("06 12 34 56 78")));
        mvc.perform(post("/console/alerte/" + "A".repeat(43) + "/nouveau-lien").with(csrf())).andExpect(status().isGone());
    }

    private org.bson.Document request(String requestId) {
        return mongo.getCollection("contactRequests").find(new org.bson.Document("_id", requestId)).first();
    }

    private java.util.List<org.bson.Document> audit(String requestId) {
        return mongo.getCollection("console_audit_log").find(new org.bson.Document("subjectId", requestId))
                .into(new java.util.ArrayList<>());
    }

    private java.util.List<String> paths(String recipient) {
        var matcher = LINK.matcher(emailTo(recipient).text());
        var paths = new java.util.ArrayList<String>();
        while (matcher.find()) {
            paths.add(matcher.group(1));
        }
        assertThat(paths).hasSize(3);
        return paths;
    }

    static ContactRequests.Recorded recorded(String id, String offerId, String organisationId) {
        var start = fr.boussole.console.support.ConsoleTestApplication.START;
        return new ContactRequests.Recorded(id, offerId, organisationId, start, start.plus(Duration.ofDays(3)));
    }

    private String path(String recipient) {
        var matcher = LINK.matcher(emailTo(recipient).text());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
