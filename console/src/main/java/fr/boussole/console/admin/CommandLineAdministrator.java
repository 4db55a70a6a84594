package fr.boussole.console.admin;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.core.settings.PublicBaseUrl;
import fr.boussole.core.admin.FirstAdministrator;
import fr.boussole.store.access.ChangeRefused;
import fr.boussole.store.account.AccountService;
import fr.boussole.store.account.InvitationSettings;

/**
 * {@code --create-admin}'s work: the administrator created or found by the account service, a new
 * set-password link, the audit entry (actor "command-line"). Assembled by
 * {@link FirstAdministratorCommand} only, not by the web application.
 */
public class CommandLineAdministrator implements FirstAdministrator {

    private final AccountService accounts;
    private final AuditLog audit;
    private final PublicBaseUrl publicBaseUrl;
    private final InvitationSettings validity;

    CommandLineAdministrator(AccountService accounts, AuditLog audit, PublicBaseUrl publicBaseUrl, InvitationSettings validity) {
        this.accounts = accounts;
        this.audit = audit;
        this.publicBaseUrl = publicBaseUrl;
        this.validity = validity;
    }

    @Override
    public Outcome issue(String email) {
        try {
            var invited = accounts.ensureAdministrator(email);
            audit.record(null, null, "command-line", AuditAction.INVITATION_ISSUED, invited.account().id());
            return new Outcome.Issued(invited.account().email(), publicBaseUrl.of(InvitationController.PATH + invited.token()),
                    validity.invitationValidity());
        } catch (ChangeRefused refused) {
            return switch (refused.code()) {
                case "account.email" -> new Outcome.NotAnEmail(email);
                case "account.other-role" -> new Outcome.OtherRole(refused.arguments().get(0), refused.arguments().get(1));
                default -> throw refused;
            };
        }
    }
}
