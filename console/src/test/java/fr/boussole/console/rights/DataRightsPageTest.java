package fr.boussole.console.rights;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import fr.boussole.core.conversation.Answer;
import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.offer.ContactRequests;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The animateur's data rights page: animateurs only, CSRF on every POST, counts without content,
 * an export in clear for the young person, an erasure only once confirmed, both audited under a
 * reference that is not the phone number. Fails if a professional reaches it, if a form works without
 * its token, if typed HTML comes back unescaped, or if the audit log holds the subject in clear.
 */
class DataRightsPageTest extends ConsoleIntegrationTest {

    /** One number per test: the console's tests share one store. */
    static final java.util.concurrent.atomic.AtomicInteger NUMBERS = new java.util.concurrent.atomic.AtomicInteger(12000901);

    @Autowired ContactRequests contactRequests;
    @Autowired MongoTemplate mongo;
    @Autowired fr.boussole.core.privacy.PersonalData personalData;

    Fixtures.World world;
    String requestId;
    String national;
    String phone;

    @BeforeEach
    void aRequestLeftWithAPhoneNumber() {
        world = fixtures.world();
        national = "06" + NUMBERS.incrementAndGet();
        phone = "+33" + national.substring(1);
        requestId = Ids.random("cr");
        contactRequests.record(requestId, new ContactRequestDraft(new ConversationKey(Channel.WEB, "session-" + requestId),
                world.a().offerId(), world.territoryId(), "emploi", "emploi", 1, 23, "46042", "Cahors",
                List.of(new Answer("situation", "Quelle est ta situation ?", List.of("etudiant"), List.of("Étudiant(e)"))),
                ContactMethod.PHONE, phone, new ConsentRecord("J'accepte.", "v1", clock.instant(), Channel.WEB), clock.instant()));
    }

    @Test
    void only_animateurs_reach_the_page() throws Exception {
        mvc.perform(get("/console/animation/donnees").with(user(world.a().professional()))).andExpect(status().isForbidden());
        mvc.perform(post("/console/animation/donnees").with(user(world.a().professional())).with(csrf()).param("personne", phone))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/animation/donnees").with(user(world.animateur())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"lookup\"")));
    }

    @Test
    void every_form_needs_its_csrf_token() throws Exception {
        for (String path : List.of("/console/animation/donnees", "/console/animation/donnees/export",
                "/console/animation/donnees/effacement")) {
            mvc.perform(post(path).with(user(world.animateur())).param("personne", phone).param("confirmation", "oui"))
                    .andExpect(status().isForbidden());
        }
        assertThat(request().getBoolean("anonymised")).isFalse();
    }

    @Test
    void the_page_shows_counts_and_never_content_and_escapes_what_is_typed() throws Exception {
        mvc.perform(post("/console/animation/donnees").with(user(world.animateur())).with(csrf()).param("personne", national))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Demandes de contact")))
                .andExpect(content().string(containsString(phone)))
                .andExpect(content().string(not(containsString("Étudiant(e)"))));
        mvc.perform(post("/console/animation/donnees").with(user(world.animateur())).with(csrf())
                        .param("personne", "<script>alert(1)</script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"invalid\"")))
                .andExpect(content().string(not(containsString("<script>alert"))));
    }

    @Test
    void the_export_gives_the_young_person_their_data_in_clear_and_is_audited_without_it() throws Exception {
        String json = mvc.perform(post("/console/animation/donnees/export").with(user(world.animateur())).with(csrf())
                        .param("personne", national))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Document exported = Document.parse(json);
        assertThat(exported.getString("Personne concernée")).isEqualTo(phone);
        List<Document> requests = exported.get("Données", Document.class).getList("Demandes de contact", Document.class);
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.getString("Coordonnées laissées")).isEqualTo(phone);
            assertThat(r.getString("Réponse à Quelle est ta situation ?")).isEqualTo("Étudiant(e)");
            assertThat(r.getString("Âge")).isEqualTo("23");
        });
        assertThat(audit("PERSONAL_DATA_EXPORTED")).singleElement().satisfies(entry -> {
            assertThat(entry.getString("subjectId")).startsWith("dr_").isEqualTo(exported.getString("Référence de la demande"));
            assertThat(entry.toJson()).doesNotContain(phone.substring(3));
        });
    }

    @Test
    void erasure_needs_the_confirmation_then_leaves_anonymous_statistics_and_an_audit_entry() throws Exception {
        mvc.perform(post("/console/animation/donnees/effacement").with(user(world.animateur())).with(csrf()).param("personne", phone))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"not-confirmed\"")));
        assertThat(request().getBoolean("anonymised")).isFalse();

        mvc.perform(post("/console/animation/donnees/effacement").with(user(world.animateur())).with(csrf())
                        .param("personne", phone).param("confirmation", "oui"))
                .andExpect(redirectedUrl("/console/animation/donnees"));

        Document anonymised = request();
        assertThat(anonymised.getBoolean("anonymised")).isTrue();
        assertThat(anonymised.toJson()).doesNotContain(phone.substring(3)).doesNotContain("Étudiant");
        assertThat(anonymised.getString("ageBand")).isEqualTo("22-25");
        assertThat(audit("PERSONAL_DATA_ERASED")).singleElement()
                .satisfies(entry -> assertThat(entry.toJson()).doesNotContain(phone.substring(3)));
    }

    /**
     * Fails if an animateur can see, export or erase what another territory holds about a young person (any
     * animateur reached every territory): the same phone left in two territories, the animateur of the first
     * gets their request and only a count of the other's, with the territory to ask.
     */
    @Test
    void an_animateur_acts_on_their_territory_only_and_is_told_which_territory_holds_the_rest() throws Exception {
        Fixtures.World other = fixtures.world();
        String otherRequest = requestIn(other);

        mvc.perform(post("/console/animation/donnees").with(user(world.animateur())).with(csrf()).param("personne", national))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"elsewhere\"")))
                .andExpect(content().string(containsString(territoryName(other))));

        Document exported = Document.parse(mvc.perform(post("/console/animation/donnees/export").with(user(world.animateur()))
                .with(csrf()).param("personne", phone)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(exported.get("Données", Document.class).getList("Demandes de contact", Document.class))
                .singleElement().satisfies(r -> assertThat(r.getString("Identifiant")).isEqualTo(requestId));
        assertThat(exported.get("Gardé par d'autres territoires (à leur demander)", Document.class).getInteger(territoryName(other)))
                .isEqualTo(1);

        mvc.perform(post("/console/animation/donnees/effacement").with(user(world.animateur())).with(csrf())
                .param("personne", phone).param("confirmation", "oui")).andExpect(redirectedUrl("/console/animation/donnees"));
        assertThat(request().getBoolean("anonymised")).isTrue();
        assertThat(mongo.findById(otherRequest, Document.class, "contactRequests").getBoolean("anonymised"))
                .as("the other territory's request").isFalse();
    }

    /**
     * Fails if a lookup leaves no trace (only exports and erasures were audited), or if the audit log holds the
     * phone or email looked up instead of a reference and its keyed hash.
     */
    @Test
    void every_lookup_is_audited_with_a_reference_and_the_keyed_hash_never_the_phone() throws Exception {
        mvc.perform(post("/console/animation/donnees").with(user(world.animateur())).with(csrf()).param("personne", national))
                .andExpect(status().isOk());
        assertThat(audit("PERSONAL_DATA_LOOKED_UP")).singleElement().satisfies(entry -> {
            assertThat(entry.getString("actor")).isEqualTo(world.animateur().accountId());
            assertThat(entry.getString("subjectId")).startsWith("dr_");
            assertThat(entry.getString("subjectLookup")).isEqualTo(personalData.lookupKey(phone));
            assertThat(entry.toJson()).doesNotContain(phone.substring(3)).doesNotContain(national.substring(1));
        });
    }

    /**
     * Fails if the national administrator cannot act on every territory, or acts without the territories
     * concerned seeing it in their audit log.
     */
    @Test
    void the_administrator_acts_nationally_and_each_territory_concerned_sees_it_in_its_log() throws Exception {
        Fixtures.World other = fixtures.world();
        String otherRequest = requestIn(other);
        var admin = fixtures.administrator();

        mvc.perform(post("/console/animation/donnees").with(user(admin)).with(csrf()).param("personne", phone))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"elsewhere\""))));
        mvc.perform(post("/console/animation/donnees/effacement").with(user(admin)).with(csrf())
                .param("personne", phone).param("confirmation", "oui")).andExpect(redirectedUrl("/console/animation/donnees"));

        assertThat(request().getBoolean("anonymised")).isTrue();
        assertThat(mongo.findById(otherRequest, Document.class, "contactRequests").getBoolean("anonymised")).isTrue();
        for (String territory : new String[] {world.territoryId(), other.territoryId(), null}) {
            assertThat(mongo.find(Query.query(Criteria.where("action").is("PERSONAL_DATA_ERASED").and("territoryId").is(territory)
                            .and("actor").is(admin.accountId())), Document.class, "console_audit_log"))
                    .as("erasure entry in " + territory).singleElement()
                    .satisfies(entry -> assertThat(entry.getString("subjectLookup")).isEqualTo(personalData.lookupKey(phone)));
        }
    }

    private String requestIn(Fixtures.World in) {
        String id = Ids.random("cr");
        contactRequests.record(id, new ContactRequestDraft(new ConversationKey(Channel.SMS, phone),
                in.a().offerId(), in.territoryId(), "logement", "logement", 1, 23, "46102", "Figeac", List.of(),
                ContactMethod.PHONE, phone, new ConsentRecord("J'accepte.", "v1", clock.instant(), Channel.SMS), clock.instant()));
        return id;
    }

    private String territoryName(Fixtures.World in) {
        return mongo.findById(in.territoryId(), Document.class, "territories").getString("name");
    }

    private Document request() {
        return mongo.findById(requestId, Document.class, "contactRequests");
    }

    private List<Document> audit(String action) {
        return mongo.find(Query.query(Criteria.where("action").is(action).and("territoryId").is(world.territoryId())),
                Document.class, "console_audit_log");
    }
}
