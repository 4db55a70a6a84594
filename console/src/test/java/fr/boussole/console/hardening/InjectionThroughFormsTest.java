package fr.boussole.console.hardening;

import fr.boussole.store.promise.RequestAlerts;
import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.request.ContactRequestRecords;
import fr.boussole.store.request.FollowUp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every console form fed with {@link Payloads}: what is stored is the text as typed, what comes back is
 * that text escaped (checked in the HTML source), and no expression is ever evaluated (a payload would
 * set a system property if it were). The browser's view: {@code InjectionInTheBrowserTest}.
 */
class InjectionThroughFormsTest extends ConsoleIntegrationTest {

    @Autowired
    Offers offers;
    @Autowired
    ContactRequestRecords records;
    @Autowired
    RequestAlerts alerts;

    private static final Pattern ALERT_LINK = Pattern.compile("http://localhost:8080(/console/alerte/[A-Za-z0-9_-]{43})");

    @AfterEach
    void nothingWasEvaluated() {
        assertThat(System.getProperty(Payloads.MARK)).as("a payload was evaluated").isNull();
    }

    /** Fails if an offer text is evaluated, stored altered, or shown unescaped on any page that lists it. */
    @Test
    void offer_texts_are_stored_as_typed_and_shown_escaped_on_every_page() throws Exception {
        var world = fixtures.world();
        var pro = world.a().professional();
        List<String> texts = Payloads.EXPRESSIONS;
        for (String text : texts) {
            mvc.perform(post("/console/offres/nouvelle").with(user(pro)).with(csrf()).param("title", text)
                    .param("description", "Description : " + text).param("theme", "emploi").param("place", text)
                    .param("contactDelayDays", "3").param("ageMin", "16").param("ageMax", "25"))
                    .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).as(text).isEqualTo("/console/offres?enregistree"));
        }
        var stored = offers.findByOrganisationId(world.a().id()).stream().map(Offer::getTitle).toList();
        assertThat(stored).containsAll(texts);

        String list = page("/console/offres", pro);
        String directory = page("/console/annuaire", world.b().professional());
        String territory = page("/console/animation/offres", world.animateur());
        for (String text : texts) {
            assertThat(list).as("offers list").contains(HtmlUtils.htmlEscape(text));
            assertThat(directory).as("directory").contains(HtmlUtils.htmlEscape(text));
            assertThat(territory).as("territory's offers").contains(HtmlUtils.htmlEscape(text));
        }
        // The theme label still comes from the message bundle.
        assertThat(list).contains(">Emploi<");
        Offer one = offers.findByOrganisationId(world.a().id()).stream()
                .filter(o -> o.getTitle().equals("[[${7*7}]]")).findFirst().orElseThrow();
        String editForm = page("/console/offres/" + one.getId(), pro);
        assertThat(editForm).contains("value=\"[[${7*7}]]\"").doesNotContain("value=\"49\"");
    }

    /** Fails if markup in an offer is accepted, or echoed unescaped in the form that refuses it. */
    @Test
    void markup_in_an_offer_is_refused_and_echoed_escaped() throws Exception {
        var world = fixtures.world();
        for (String markup : Payloads.MARKUP) {
            for (String path : List.of("/console/offres/nouvelle", "/console/offres/" + world.a().offerId())) {
                String html = mvc.perform(post(path).with(user(world.a().professional())).with(csrf())
                                .param("title", markup).param("description", markup).param("theme", "emploi")
                                .param("place", markup).param("contactDelayDays", "3"))
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(html).as(path).contains(HtmlUtils.htmlEscape(markup)).doesNotContain(markup);
            }
        }
        assertThat(offers.findByOrganisationId(world.a().id())).extracting(Offer::getTitle)
                .containsExactly(world.a().offerTitle());
    }

    /** Fails if a follow-up comment (free text, markup allowed as text) is altered or shown unescaped. */
    @Test
    void a_follow_up_comment_is_stored_as_typed_and_shown_escaped() throws Exception {
        var world = fixtures.world();
        String id = fixtures.request(world, world.a(), clock.instant());
        String comment = Payloads.all();

        mvc.perform(post("/console/demandes/" + id + "/suivi").with(user(world.a().professional())).with(csrf())
                        .param("at", "2026-03-02T09:00").param("means", "PHONE").param("comment", comment))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(302));

        assertThat(records.findById(id).orElseThrow().getFollowUps()).extracting(FollowUp::comment).containsExactly(comment);
        String html = page("/console/demandes/" + id, world.a().professional());
        assertThat(html).contains(HtmlUtils.htmlEscape(comment));
        for (String markup : Payloads.MARKUP) {
            assertThat(html).doesNotContain(markup);
        }
    }

    /** The same through an alert link (no sign-in): the follow-up form of the link's request. */
    @Test
    void a_follow_up_through_an_alert_link_is_stored_as_typed_and_shown_escaped() throws Exception {
        var world = fixtures.world();
        var recorded = fixtures.record(world, world.a(), clock.instant());
        alerts.requestRecorded(recorded);
        var mail = outbox.enqueued().values().stream().filter(d -> d.recipient().equals(world.a().alertEmail()))
                .findFirst().orElseThrow();
        Matcher link = ALERT_LINK.matcher(((DeliveryPayload.Email) mail.payload()).text());
        assertThat(link.find()).isTrue();
        String comment = Payloads.all();

        mvc.perform(post(link.group(1) + "/suivi").with(csrf()).param("at", "2026-03-02T09:00").param("means", "SMS")
                        .param("comment", comment))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(302));

        assertThat(records.findById(recorded.requestId()).orElseThrow().getFollowUps()).extracting(FollowUp::comment)
                .containsExactly(comment);
        String html = mvc.perform(get(link.group(1))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains(HtmlUtils.htmlEscape(comment));
        for (String markup : Payloads.MARKUP) {
            assertThat(html).doesNotContain(markup);
        }
    }

    /** Fails if the password-reset pages echo what was typed, or an operator finds an account. */
    @Test
    void password_reset_forms_echo_nothing_raw_and_match_no_account_with_an_operator() throws Exception {
        List<String> typed = new ArrayList<>(Payloads.MARKUP);
        typed.addAll(Payloads.EXPRESSIONS);
        for (String email : typed) {
            String html = mvc.perform(post("/console/mot-de-passe/oubli").with(csrf()).param("email", email))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).contains("reset-sent").doesNotContain(email);
        }
        assertThat(outbox.enqueued()).isEmpty();

        for (String token : List.of(Payloads.SCRIPT, "[[${7*7}]]", Payloads.EVALUATED)) {
            String path = "/console/mot-de-passe/nouveau/{token}";
            var page = mvc.perform(get(path, token)).andReturn().getResponse();
            var answer = mvc.perform(post(path, token).with(csrf()).param("password", "un-mot-de-passe-assez-long")
                    .param("confirmation", "un-mot-de-passe-assez-long")).andReturn().getResponse();
            for (var response : List.of(page, answer)) {
                // 410 with the "invalid link" page; the "/" of </script> makes another path (404) or is refused (400).
                assertThat(response.getStatus()).as(token).isIn(400, 404, 410);
                String html = response.getContentAsString(StandardCharsets.UTF_8);
                assertThat(html).doesNotContain(Payloads.SCRIPT).doesNotContain("49");
                if (response.getStatus() == 410) {
                    assertThat(html).contains("reset-invalid");
                }
            }
        }
    }

    /** Fails if an operator or markup typed as an email signs anyone in or is echoed. */
    @Test
    void operators_and_markup_at_sign_in_only_fail_to_sign_in() throws Exception {
        for (String email : List.of("{\"$gt\":\"\"}", "{\"$ne\":null}", "$where", Payloads.SCRIPT, Payloads.EVALUATED)) {
            mvc.perform(post("/console/login").with(csrf()).param("email", email).param("password", "{\"$gt\":\"\"}"))
                    .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/console/login?error"));
        }
        // Bracketed parameter names are just other names to Spring: no email at all.
        mvc.perform(post("/console/login").with(csrf()).param("email[$ne]", "x").param("password[$ne]", "x"))
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/console/login?error"));
        String login = mvc.perform(get("/console/login").param("error", Payloads.SCRIPT)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(login).doesNotContain(Payloads.SCRIPT);
    }

    /** Fails if an operator in a path or a query parameter reaches a query as anything but a value. */
    @Test
    void operators_and_markup_in_paths_and_query_parameters_find_nothing() throws Exception {
        var world = fixtures.world();
        fixtures.request(world, world.a(), clock.instant());
        var pro = world.a().professional();
        for (String id : List.of("{\"$gt\":\"\"}", "$where", "[$ne]", Payloads.SCRIPT)) {
            assertThat(mvc.perform(get("/console/demandes/{id}", id).with(user(pro))).andReturn().getResponse().getStatus())
                    .as(id).isEqualTo(404);
            assertThat(mvc.perform(get("/console/offres/{id}", id).with(user(pro))).andReturn().getResponse().getStatus())
                    .as(id).isEqualTo(404);
        }
        for (String tab : List.of(Payloads.SCRIPT, "{\"$gt\":\"\"}", Payloads.EVALUATED)) {
            var response = mvc.perform(get("/console/demandes").param("onglet", tab).with(user(pro))).andReturn().getResponse();
            assertThat(response.getStatus()).isLessThan(500);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(Payloads.SCRIPT);
        }
        assertThat(mvc.perform(get("/console/animation/export/rapport-annuel.csv").param("annee", "{\"$gt\":\"\"}")
                .with(user(world.animateur()))).andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    /**
     * Fails if a CSV import row is evaluated or shown unescaped, in the report of refused rows or in the
     * offers it writes.
     */
    @Test
    void csv_import_cells_are_stored_as_text_and_reported_escaped() throws Exception {
        var world = fixtures.world();
        var pro = world.a().professional();
        String ref = "inj-" + world.a().id().substring(3, 11);
        String csv = "ref,title,description,theme,organisation,place,contact_delay_days,status\n"
                + ref + ",\"[[${7*7}]] {{7*7}}\",\"" + Payloads.EVALUATED.replace("\"", "\"\"") + "\",emploi,"
                + world.a().id() + ",\"{\"\"$gt\"\":\"\"\"\"}\",3,active\n"
                + ref + "-2,\"" + Payloads.SCRIPT + "\",texte,\"" + Payloads.IMG.replace("\"", "\"\"") + "\","
                + world.a().id() + ",,3,active\n";

        String report = mvc.perform(multipart("/console/offres/import")
                        .file(new MockMultipartFile("file", "offres.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("skipInvalid", "true").with(user(pro)).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        for (String markup : List.of(Payloads.SCRIPT, Payloads.IMG)) {
            assertThat(report).doesNotContain(markup);
        }
        Offer imported = offers.findByRef(ref).orElseThrow();
        assertThat(imported.getTitle()).isEqualTo("[[${7*7}]] {{7*7}}");
        assertThat(imported.getDescription()).isEqualTo(Payloads.EVALUATED);
        assertThat(imported.getPlace()).isEqualTo("{\"$gt\":\"\"}");
        String list = page("/console/offres", pro);
        assertThat(list).contains(HtmlUtils.htmlEscape("[[${7*7}]] {{7*7}}"));
    }

    private String page(String path, fr.boussole.console.security.ConsoleUser as) throws Exception {
        var response = mvc.perform(get(path).with(user(as))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
