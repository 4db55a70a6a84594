package fr.boussole.console.offerimport;

import fr.boussole.console.security.ConsoleUser;
import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.offer.Offers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Upload and download of offers as CSV, through the real store on the in-memory MongoDB server. */
class OfferImportTest extends ConsoleIntegrationTest {

    private static final String HEADER = "ref,title,description,theme,organisation,contact_delay_days,status\n";

    @Autowired
    Offers offers;

    private Fixtures.World world;
    private ConsoleUser pro;
    private String org;

    @BeforeEach
    void world() {
        world = fixtures.world();
        pro = world.a().professional();
        org = world.a().id();
    }

    private String row(String ref, String title, String organisation, String status) {
        return ref + "," + title + ",Un conseiller t'aide à écrire ton CV.,emploi," + organisation + ",3," + status + "\n";
    }

    private String ref(String name) {
        return name + "-" + org.substring(3, 12);
    }

    private Page upload(ConsoleUser account, String csv, boolean skipInvalid) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/console/offres/import")
                .file(new MockMultipartFile("file", "offres.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        if (skipInvalid) {
            request.param("skipInvalid", "true");
        }
        return page(mvc.perform(request.with(user(account)).with(csrf())).andExpect(status().isOk()));
    }

    private static Page page(ResultActions result) throws Exception {
        return new Page(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private List<Offer> offersOf(String organisationId) {
        return offers.findAll().stream().filter(o -> organisationId.equals(o.getOrganisationId())).toList();
    }

    @Test
    void the_import_page_has_a_file_input_the_skip_checkbox_and_a_csrf_token() throws Exception {
        Page page = page(mvc.perform(get("/console/offres/import").with(user(pro))).andExpect(status().isOk()));
        assertThat(page.html()).contains("enctype=\"multipart/form-data\"", "type=\"file\"", "name=\"file\"",
                "type=\"checkbox\"", "name=\"skipInvalid\"", "name=\"_csrf\"");
        Page offersPage = page(mvc.perform(get("/console/offres").with(user(pro))));
        assertThat(offersPage.has("import-offers")).isTrue();
        assertThat(offersPage.has("export-offers")).isTrue();
    }

    @Test
    void a_professional_imports_a_valid_file_and_the_offers_appear() throws Exception {
        String csv = HEADER + row(ref("cv"), "Atelier CV", org, "active") + row(ref("job"), "\"Jobs d'été, saisonniers\"", org, "draft");

        Page page = upload(pro, csv, false);

        assertThat(page.has("import-done")).isTrue();
        assertThat(page.count("count-rows")).isEqualTo(2);
        assertThat(page.count("count-created")).isEqualTo(2);
        assertThat(page.rows("import-problems")).isEmpty();
        Offer imported = offers.findByRefIn(List.of(ref("cv"))).getFirst();
        assertThat(imported.getOrganisationId()).isEqualTo(org);
        assertThat(imported.getStatus()).isEqualTo(OfferStatus.ACTIVE);
        assertThat(imported.getUpdatedBy()).isEqualTo(pro.accountId());
        Page list = page(mvc.perform(get("/console/offres").with(user(pro))));
        assertThat(list.rows("offers")).extracting(r -> r.getFirst())
                .contains("Atelier CV", "Jobs d'été, saisonniers", world.a().offerTitle());
    }

    @Test
    void a_file_with_bad_rows_lists_each_line_and_column_and_imports_nothing() throws Exception {
        String csv = HEADER + row(ref("ok"), "Atelier CV", org, "active")
                + row(ref("bad1"), "Atelier lettre", org, "sometimes")
                + ref("bad2") + ",,Texte,cuisine," + org + ",9,active\n";

        Page page = upload(pro, csv, false);

        assertThat(page.has("nothing-imported")).isTrue();
        assertThat(page.count("count-created")).isZero();
        var problems = page.rows("import-problems");
        assertThat(problems).extracting(r -> r.get(0) + "/" + r.get(1))
                .containsExactlyInAnyOrder("3/status", "4/title", "4/theme", "4/contact_delay_days");
        assertThat(problems).filteredOn(r -> r.get(1).equals("status")).first().satisfies(r ->
                assertThat(r.get(2)).contains("sometimes", "draft, active et archived"));
        assertThat(problems).filteredOn(r -> r.get(1).equals("theme")).first().satisfies(r ->
                assertThat(r.get(2)).contains("cuisine"));
        assertThat(offersOf(org)).hasSize(1); // the fixture's offer only
    }

    @Test
    void with_skip_invalid_the_good_rows_are_imported_and_the_bad_ones_listed() throws Exception {
        String csv = HEADER + row(ref("ok"), "Atelier CV", org, "active")
                + row(ref("bad"), "Atelier lettre", org, "sometimes");

        Page page = upload(pro, csv, true);

        assertThat(page.has("import-partial")).isTrue();
        assertThat(page.count("count-created")).isEqualTo(1);
        assertThat(page.count("count-skipped")).isEqualTo(1);
        assertThat(page.rows("import-problems")).extracting(r -> r.get(0) + "/" + r.get(1)).containsExactly("3/status");
        assertThat(page.html()).containsPattern("name=\"skipInvalid\"[^>]*checked");
        assertThat(offers.findByRefIn(List.of(ref("ok"), ref("bad")))).extracting(Offer::getRef).containsExactly(ref("ok"));
    }

    @Test
    void a_row_of_another_organisation_is_refused_and_nothing_is_imported() throws Exception {
        String other = world.b().id();
        String csv = HEADER + row(ref("mine"), "Atelier CV", org, "active") + row(ref("theirs"), "Intrusion", other, "active");

        Page refused = upload(pro, csv, false);

        assertThat(refused.has("nothing-imported")).isTrue();
        assertThat(refused.rows("import-problems")).extracting(r -> r.get(0) + "/" + r.get(1)).containsExactly("3/organisation");
        assertThat(offers.findByRefIn(List.of(ref("mine")))).isEmpty();

        Page skipped = upload(pro, csv, true);

        assertThat(skipped.count("count-created")).isEqualTo(1);
        assertThat(skipped.rows("import-problems")).extracting(r -> r.get(0) + "/" + r.get(1)).containsExactly("3/organisation");
        assertThat(offersOf(other)).hasSize(1);
        assertThat(offers.findByRefIn(List.of(ref("theirs")))).isEmpty();
    }

    @Test
    void a_row_taking_over_the_ref_of_another_organisations_offer_refuses_the_whole_file() throws Exception {
        Offer theirs = offers.findById(world.b().offerId()).orElseThrow();
        theirs.setRef(ref("theirs"));
        offers.save(theirs);
        String csv = HEADER + row(ref("mine"), "Atelier CV", org, "active") + row(ref("theirs"), "Intrusion", org, "active")
                + row(ref("bad"), "Atelier", org, "sometimes");

        Page page = upload(pro, csv, false);

        assertThat(page.has("nothing-imported")).isTrue();
        assertThat(page.rows("import-problems")).extracting(r -> r.get(0) + "/" + r.get(1))
                .containsExactly("3/ref", "4/status");
        assertThat(offers.findByRefIn(List.of(ref("mine")))).isEmpty();
        assertThat(offers.findById(theirs.getId()).orElseThrow().getTitle()).isEqualTo(world.b().offerTitle());

        Page skipped = upload(pro, csv, true);

        assertThat(skipped.count("count-created")).isEqualTo(1);
        assertThat(skipped.rows("import-problems")).extracting(r -> r.get(0) + "/" + r.get(1))
                .containsExactlyInAnyOrder("3/ref", "4/status");
        assertThat(offers.findById(theirs.getId()).orElseThrow().getTitle()).isEqualTo(world.b().offerTitle());
    }

    @Test
    void importing_the_same_file_again_changes_nothing() throws Exception {
        String csv = HEADER + row(ref("cv"), "Atelier CV", org, "active") + row(ref("job"), "Jobs", org, "active");
        assertThat(upload(pro, csv, false).count("count-created")).isEqualTo(2);
        long version = offers.findByRefIn(List.of(ref("cv"))).getFirst().getVersion();

        Page again = upload(pro, csv, false);

        assertThat(again.count("count-created")).isZero();
        assertThat(again.count("count-updated")).isZero();
        assertThat(again.count("count-unchanged")).isEqualTo(2);
        assertThat(offers.findByRefIn(List.of(ref("cv"))).getFirst().getVersion()).isEqualTo(version);
    }

    @Test
    void the_export_is_a_utf8_download_of_the_own_offers_that_re_imports_unchanged() throws Exception {
        String title = "\"Atelier CV, lettre \"\"motivée\"\"\"";
        assertThat(upload(pro, HEADER + row(ref("cv"), title, org, "active"), false).count("count-created")).isEqualTo(1);

        byte[] exported = mvc.perform(get("/console/offres/export.csv").with(user(pro)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Type", containsString("charset=UTF-8")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("offres-structure-2026-03-02.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        String csv = new String(exported, StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFref,").contains(ref("cv"), world.a().offerId(), title)
                .doesNotContain(world.b().offerId(), world.b().offerTitle());
        // The fixture's offer was made in the console (no ref): the export names it by its id.
        Page page = upload(pro, csv, false);
        assertThat(page.has("import-done")).isTrue();
        assertThat(page.count("count-rows")).isEqualTo(2);
        assertThat(page.count("count-unchanged")).isEqualTo(2);
        assertThat(page.count("count-created")).isZero();
        assertThat(offersOf(org)).hasSize(2);
        byte[] again = mvc.perform(get("/console/offres/export.csv").with(user(pro)))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(again).isEqualTo(exported);
    }

    @Test
    void an_animateur_imports_and_exports_for_the_organisations_of_their_territory_only() throws Exception {
        ConsoleUser animateur = world.animateur();
        Fixtures.World elsewhere = fixtures.world();
        String csv = HEADER + row(ref("a"), "Offre A", org, "active") + row(ref("b"), "Offre B", world.b().id(), "active")
                + row(ref("x"), "Offre X", elsewhere.a().id(), "active");

        Page page = upload(animateur, csv, true);

        assertThat(page.count("count-created")).isEqualTo(2);
        assertThat(page.rows("import-problems")).extracting(r -> r.get(0) + "/" + r.get(1)).containsExactly("4/organisation");
        String exported = mvc.perform(get("/console/offres/export.csv").with(user(animateur)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("offres-territoire-2026-03-02.csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(exported).contains(ref("a"), ref("b"), world.a().offerId(), world.b().offerId())
                .doesNotContain(ref("x"), elsewhere.a().offerId());
        assertThat(page(mvc.perform(get("/console/animation/offres").with(user(animateur)))).has("import-offers")).isTrue();
    }

    @Test
    void an_empty_or_non_csv_file_gets_a_clear_error_not_a_server_error() throws Exception {
        Page empty = page(mvc.perform(multipart("/console/offres/import")
                .file(new MockMultipartFile("file", "offres.csv", "text/csv", new byte[0]))
                .with(user(pro)).with(csrf())).andExpect(status().isOk()));
        assertThat(empty.text("import-error")).contains("vide");
        Page none = page(mvc.perform(multipart("/console/offres/import").with(user(pro)).with(csrf()))
                .andExpect(status().isOk()));
        assertThat(none.text("import-error")).contains("vide");
        byte[] spreadsheet = {0x50, 0x4B, 0x03, 0x04, (byte) 0xC3, 0x28, 0x00, (byte) 0xFF};
        Page binary = page(mvc.perform(multipart("/console/offres/import")
                .file(new MockMultipartFile("file", "offres.xlsx", "application/octet-stream", spreadsheet))
                .with(user(pro)).with(csrf())).andExpect(status().isOk()));
        assertThat(binary.text("import-error")).contains("CSV UTF-8");
        byte[] latin1 = (HEADER + row(ref("cv"), "Atelier été", org, "active")).getBytes(StandardCharsets.ISO_8859_1);
        Page windows = page(mvc.perform(multipart("/console/offres/import")
                .file(new MockMultipartFile("file", "offres.csv", "text/csv", latin1))
                .with(user(pro)).with(csrf())).andExpect(status().isOk()));
        assertThat(windows.text("import-error")).contains("CSV UTF-8");
        Page notOffers = upload(pro, "bonjour\n", false);
        assertThat(notOffers.has("nothing-imported")).isTrue();
        assertThat(notOffers.rows("import-problems")).extracting(r -> r.get(0) + "/" + r.get(1)).contains("1/ref", "1/title");
        assertThat(offersOf(org)).hasSize(1);
    }

    @Test
    void the_too_large_redirect_shows_the_size_message() throws Exception {
        Page page = page(mvc.perform(get("/console/offres/import").param("trop-lourd", "").with(user(pro))));
        assertThat(page.text("import-error")).contains("5 Mo");
    }

    @Test
    void without_csrf_token_the_upload_is_forbidden() throws Exception {
        mvc.perform(multipart("/console/offres/import")
                        .file(new MockMultipartFile("file", "offres.csv", "text/csv",
                                (HEADER + row(ref("cv"), "Atelier CV", org, "active")).getBytes(StandardCharsets.UTF_8)))
                        .with(user(pro)))
                .andExpect(status().isForbidden());
        assertThat(offers.findByRefIn(List.of(ref("cv")))).isEmpty();
    }

    @Test
    void anonymous_visitors_are_sent_to_the_login_page() throws Exception {
        mvc.perform(get("/console/offres/import")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/login"));
        mvc.perform(get("/console/offres/export.csv")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/login"))
                .andExpect(content().string(not(containsString(org))));
    }
}
