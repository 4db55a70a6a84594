package fr.boussole.store.account;

import fr.boussole.store.scope.Scope;
import fr.boussole.store.access.ChangeRefused;
import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.organisation.Competence;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.territory.Territories;
import fr.boussole.store.territory.Territory;
import fr.boussole.store.territory.TerritoryStatus;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accounts are created by invitation, within what the inviter's scope may grant, and their links work once. */
class AccountInvitationsTest extends StoreIntegrationTest {

    @Autowired
    AccountService service;
    @Autowired
    Invitations invitations;
    @Autowired
    Accounts accounts;
    @Autowired
    Territories territories;
    @Autowired
    Organisations organisations;

    private final Scope national = Scope.NATIONAL;
    private final Scope aveyron = new Scope.OfTerritory("te_aveyron");

    @BeforeEach
    void twoTerritoriesWithAnOrganisationEach() {
        territories.save(new Territory("te_aveyron", "Boussole de l'Aveyron", TerritoryStatus.IN_PREPARATION));
        territories.save(new Territory("te_lot", "Boussole du Lot", TerritoryStatus.OPEN));
        organisation("or_rodez", "te_aveyron");
        organisation("or_cahors", "te_lot");
    }

    @Test
    void an_administrator_invites_an_animateur_who_becomes_one_of_the_territory() {
        var invited = service.invite(national, "ac_admin", new AccountService.NewAccount(" Camille@Aveyron.Example.org ",
                "Camille", AccountRole.ANIMATEUR, "te_aveyron", null));

        assertThat(invited.account().email()).isEqualTo("camille@aveyron.example.org");
        assertThat(invited.account().passwordSet()).isFalse();
        assertThat(invited.token()).hasSize(43);
        assertThat(territories.findById("te_aveyron").orElseThrow().getAnimateurIds()).containsExactly(invited.account().id());
        assertThat(service.visibleTo(aveyron)).extracting(AccountSummary::email).containsExactly("camille@aveyron.example.org");
    }

    @Test
    void an_animateur_invites_professionals_of_their_territory_only() {
        var pro = service.invite(aveyron, "ac_animateur", new AccountService.NewAccount("pro@rodez.example.org", "Pro",
                AccountRole.PROFESSIONAL, null, "or_rodez"));
        assertThat(pro.account().territoryId()).isEqualTo("te_aveyron");

        assertThatThrownBy(() -> service.invite(aveyron, "ac_animateur", new AccountService.NewAccount(
                "intrus@cahors.example.org", "Intrus", AccountRole.PROFESSIONAL, null, "or_cahors")))
                .isInstanceOf(ChangeRefused.class).hasMessageContaining("account.organisation");
        assertThatThrownBy(() -> service.invite(aveyron, "ac_animateur", new AccountService.NewAccount(
                "second@aveyron.example.org", "Second", AccountRole.ANIMATEUR, "te_aveyron", null)))
                .isInstanceOf(ChangeRefused.class).hasMessageContaining("account.role-not-allowed");
        assertThatThrownBy(() -> service.invite(aveyron, "ac_animateur", new AccountService.NewAccount(
                "chef@example.org", "Chef", AccountRole.ADMINISTRATOR, null, null)))
                .isInstanceOf(ChangeRefused.class).hasMessageContaining("account.role-not-allowed");
        assertThat(accounts.findAll()).extracting(Account::getEmail).containsExactly("pro@rodez.example.org");
    }

    @Test
    void an_email_is_one_account_and_must_look_like_an_email() {
        service.invite(national, "ac_admin", new AccountService.NewAccount("a@b.example.org", "A", AccountRole.ADMINISTRATOR, null, null));
        assertThatThrownBy(() -> service.invite(national, "ac_admin", new AccountService.NewAccount("A@B.example.org", "A",
                AccountRole.ADMINISTRATOR, null, null))).hasMessageContaining("account.exists");
        assertThatThrownBy(() -> service.invite(national, "ac_admin", new AccountService.NewAccount("pas une adresse", "A",
                AccountRole.ADMINISTRATOR, null, null))).hasMessageContaining("account.email");
    }

    @Test
    void a_link_sets_the_password_once_and_a_renewed_link_replaces_the_old_one() {
        var invited = service.invite(national, "ac_admin", new AccountService.NewAccount("c@aveyron.example.org", "C",
                AccountRole.ANIMATEUR, "te_aveyron", null));
        var renewed = service.renewInvitation(national, "ac_admin", invited.account().id());

        assertThat(invitations.pending(invited.token())).as("the first link, replaced").isEmpty();
        assertThat(invitations.accept(invited.token(), "{noop}x")).isEmpty();
        assertThat(invitations.accept(renewed.token(), "{noop}chosen")).isPresent();
        assertThat(invitations.accept(renewed.token(), "{noop}again")).as("used once").isEmpty();
        assertThat(accounts.findById(invited.account().id()).orElseThrow().getPasswordHash()).isEqualTo("{noop}chosen");
    }

    @Test
    void a_link_expires() {
        var invited = service.invite(national, "ac_admin", new AccountService.NewAccount("late@example.org", "L",
                AccountRole.ADMINISTRATOR, null, null));
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThat(invitations.pending(invited.token())).isEmpty();
        assertThat(invitations.accept(invited.token(), "{noop}x")).isEmpty();
    }

    @Test
    void a_deactivated_account_cannot_use_its_link_and_the_deactivation_is_announced() {
        var invited = service.invite(aveyron, "ac_animateur", new AccountService.NewAccount("pro@rodez.example.org", "Pro",
                AccountRole.PROFESSIONAL, null, "or_rodez"));
        service.deactivate(aveyron, "ac_animateur", invited.account().id());

        assertThat(invitations.accept(invited.token(), "{noop}x")).isEmpty();
        assertThat(service.find(aveyron, invited.account().id()).orElseThrow().active()).isFalse();
    }

    @Test
    void nobody_changes_or_deactivates_their_own_account_nor_reaches_another_territory() {
        var pro = service.invite(national, "ac_admin", new AccountService.NewAccount("pro@cahors.example.org", "Pro",
                AccountRole.PROFESSIONAL, null, "or_cahors"));
        assertThatThrownBy(() -> service.deactivate(national, pro.account().id(), pro.account().id()))
                .hasMessageContaining("account.self");
        assertThatThrownBy(() -> service.deactivate(aveyron, "ac_animateur", pro.account().id()))
                .isInstanceOf(ChangeRefused.class).matches(e -> ((ChangeRefused) e).notFoundCase());
        assertThat(service.find(aveyron, pro.account().id())).isEmpty();
    }

    @Test
    void moving_an_animateur_to_another_territory_moves_them_in_both_lists() {
        var animateur = service.invite(national, "ac_admin", new AccountService.NewAccount("c@example.org", "C",
                AccountRole.ANIMATEUR, "te_aveyron", null));
        service.change(national, "ac_admin", animateur.account().id(), AccountRole.ANIMATEUR, "te_lot", null);

        assertThat(territories.findById("te_aveyron").orElseThrow().getAnimateurIds()).isEmpty();
        assertThat(territories.findById("te_lot").orElseThrow().getAnimateurIds()).containsExactly(animateur.account().id());
    }

    @Test
    void the_command_line_administrator_is_created_once_and_gets_a_new_link_each_time() {
        var first = service.ensureAdministrator("Chef@Example.org");
        var second = service.ensureAdministrator("chef@example.org");

        assertThat(second.account().id()).isEqualTo(first.account().id());
        assertThat(accounts.findAll()).singleElement().satisfies(a -> {
            assertThat(a.getRole()).isEqualTo(AccountRole.ADMINISTRATOR);
            assertThat(a.getPasswordHash()).as("no known password").isNull();
        });
        assertThat(invitations.pending(first.token())).isEmpty();
        assertThat(invitations.pending(second.token())).isPresent();
    }

    @Test
    void the_command_line_does_not_turn_another_role_into_an_administrator() {
        service.invite(national, "ac_admin", new AccountService.NewAccount("pro@rodez.example.org", "Pro",
                AccountRole.PROFESSIONAL, null, "or_rodez"));
        assertThatThrownBy(() -> service.ensureAdministrator("pro@rodez.example.org"))
                .hasMessageContaining("account.other-role");
    }

    private void organisation(String id, String territoryId) {
        Organisation organisation = new Organisation(id, id, OrganisationType.ASSOCIATION, Competence.national());
        organisation.setTerritoryId(territoryId);
        organisations.save(organisation);
    }

}
