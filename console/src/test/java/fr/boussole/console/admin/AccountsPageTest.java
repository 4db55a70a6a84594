package fr.boussole.console.admin;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.store.account.Accounts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Accounts by invitation: the invited person gets an email with a single-use link to choose their password;
 * the animateur invites the professionals of their territory only; every change is in the audit log.
 */
class AccountsPageTest extends ConsoleIntegrationTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/console/invitation/[A-Za-z0-9_-]{43})");

    @Autowired
    Accounts accounts;
    @Autowired
    MongoTemplate mongo;

    @Test
    void an_animateur_invites_a_professional_who_sets_a_password_through_the_emailed_link_and_signs_in() throws Exception {
        var world = fixtures.world();
        String email = "nouvelle-" + world.territoryId() + "@structure.test";

        mvc.perform(post("/console/admin/comptes").with(user(world.animateur())).with(csrf())
                        .param("email", email).param("displayName", "Nadia Conseillère").param("role", "PROFESSIONAL")
                        .param("organisationId", world.a().id()))
                .andExpect(redirectedUrl("/console/admin/comptes?invite=" + email.replace("@", "%40")));
        String path = linkSentTo(email);
        var invited = accounts.findByEmail(email).orElseThrow();
        assertThat(invited.getPasswordHash()).isNull();
        assertThat(invited.getOrganisationId()).isEqualTo(world.a().id());

        mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString(email)));
        mvc.perform(post(path).with(csrf()).param("password", "court").param("confirmation", "court"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("invitation-mismatch")));
        mvc.perform(post(path).with(csrf()).param("password", "mon-mot-de-passe-a-moi").param("confirmation", "mon-mot-de-passe-a-moi"))
                .andExpect(redirectedUrl("/console/login?reset"));
        mvc.perform(post("/console/login").with(csrf()).param("email", email).param("password", "mon-mot-de-passe-a-moi"))
                .andExpect(redirectedUrl("/console"));
        mvc.perform(get(path)).andExpect(status().isGone());

        mvc.perform(get("/console/animation/journal").with(user(world.animateur())))
                .andExpect(content().string(containsString("Compte invité")))
                .andExpect(content().string(containsString("Invitation acceptée")));
    }

    @Test
    void an_animateur_cannot_invite_an_animateur_nor_a_professional_of_another_territory() throws Exception {
        var world = fixtures.world();
        var other = fixtures.world();

        mvc.perform(post("/console/admin/comptes").with(user(world.animateur())).with(csrf())
                        .param("email", "chef@structure.test").param("displayName", "Chef").param("role", "ANIMATEUR")
                        .param("territoryId", world.territoryId()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"refused\"")));
        mvc.perform(post("/console/admin/comptes").with(user(world.animateur())).with(csrf())
                        .param("email", "intrus@structure.test").param("displayName", "Intrus").param("role", "PROFESSIONAL")
                        .param("organisationId", other.a().id()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"refused\"")));

        assertThat(accounts.findByEmail("chef@structure.test")).isEmpty();
        assertThat(accounts.findByEmail("intrus@structure.test")).isEmpty();
        assertThat(outbox.enqueued()).isEmpty();
    }

    @Test
    void the_list_shows_the_territory_accounts_with_their_state_and_last_sign_in_and_nothing_of_another_territory()
            throws Exception {
        var world = fixtures.world();
        var other = fixtures.world();
        mvc.perform(post("/console/login").with(csrf()).param("email", world.a().professional().email())
                .param("password", fr.boussole.console.support.Fixtures.PASSWORD));

        mvc.perform(get("/console/admin/comptes").with(user(world.animateur())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(world.a().professional().email())))
                .andExpect(content().string(containsString(world.animateur().email())))
                .andExpect(content().string(containsString("2 mars 2026, 09h00")))
                .andExpect(content().string(not(containsString(other.a().professional().email()))));
    }

    @Test
    void a_renewed_link_replaces_the_old_one_and_links_expire() throws Exception {
        var admin = fixtures.administrator();
        var world = fixtures.world();
        String email = "camille-" + world.territoryId() + "@boussole.test";
        mvc.perform(post("/console/admin/comptes").with(user(admin)).with(csrf()).param("email", email)
                .param("displayName", "Camille").param("role", "ANIMATEUR").param("territoryId", world.territoryId()));
        String first = linkSentTo(email);
        outbox.clear();
        String id = accounts.findByEmail(email).orElseThrow().getId();

        mvc.perform(post("/console/admin/comptes/" + id + "/invitation").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/console/admin/comptes/" + id + "?invitation"));
        String second = linkSentTo(email);

        mvc.perform(get(first)).andExpect(status().isGone());
        mvc.perform(get(second)).andExpect(status().isOk());
        clock.advance(Duration.ofDays(8));
        mvc.perform(get(second)).andExpect(status().isGone());
    }

    @Test
    void a_deactivated_account_cannot_sign_in_and_the_change_is_audited() throws Exception {
        var world = fixtures.world();
        String id = world.b().professional().accountId();

        mvc.perform(post("/console/admin/comptes/" + id + "/desactiver").with(user(world.animateur())).with(csrf()))
                .andExpect(redirectedUrl("/console/admin/comptes/" + id + "?desactive"));

        mvc.perform(post("/console/login").with(csrf()).param("email", world.b().professional().email())
                        .param("password", fr.boussole.console.support.Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/console/login?error"));
        Document entry = mongo.getCollection("console_audit_log")
                .find(new Document("subjectId", id).append("action", "ACCOUNT_DEACTIVATED")).first();
        assertThat(entry).isNotNull();
        assertThat(entry.getString("actor")).isEqualTo(world.animateur().accountId());
        assertThat(entry.getString("territoryId")).isEqualTo(world.territoryId());
    }

    @Test
    void an_animateur_moves_a_professional_to_another_organisation_of_the_territory_only() throws Exception {
        var world = fixtures.world();
        var other = fixtures.world();
        String id = world.a().professional().accountId();

        mvc.perform(post("/console/admin/comptes/" + id).with(user(world.animateur())).with(csrf())
                        .param("role", "PROFESSIONAL").param("organisationId", other.a().id()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"refused\"")));
        assertThat(accounts.findById(id).orElseThrow().getOrganisationId()).isEqualTo(world.a().id());

        mvc.perform(post("/console/admin/comptes/" + id).with(user(world.animateur())).with(csrf())
                        .param("role", "PROFESSIONAL").param("organisationId", world.b().id()))
                .andExpect(redirectedUrl("/console/admin/comptes/" + id + "?modifie"));
        assertThat(accounts.findById(id).orElseThrow().getOrganisationId()).isEqualTo(world.b().id());
    }

    private String linkSentTo(String email) {
        var delivery = outbox.enqueued().values().stream().filter(d -> d.recipient().equals(email)).findFirst().orElseThrow();
        var matcher = LINK.matcher(((DeliveryPayload.Email) delivery.payload()).text());
        assertThat(matcher.find()).as("a link in the invitation email").isTrue();
        return matcher.group(1);
    }
}
