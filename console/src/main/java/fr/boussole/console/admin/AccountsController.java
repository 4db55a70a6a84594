package fr.boussole.console.admin;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.console.web.NotFound;
import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.access.ChangeRefused;
import fr.boussole.store.account.AccountRole;
import fr.boussole.store.account.AccountService;
import fr.boussole.store.account.AccountSummary;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;

/**
 * The console accounts: every one for an administrator, the territory's animateurs and professionals for its
 * animateur. Accounts are invited by email (the invited person chooses their password through a single-use,
 * expiring link, which can be sent again), given another role or organisation, deactivated or reactivated.
 * Every change goes to the audit log. What a user may do is the offer store's rule ({@code AccountService},
 * given the user's scope): an animateur invites professionals of their territory's organisations only.
 */
@Controller
class AccountsController {

    static final String PATH = "/console/admin/comptes";
    static final String LIST = "console/admin/accounts";
    static final String PAGE = "console/admin/account";

    private final AccountService accounts;
    private final AdminNames names;
    private final InvitationMails mails;
    private final AuditLog audit;

    AccountsController(AccountService accounts, AdminNames names, InvitationMails mails, AuditLog audit) {
        this.accounts = accounts;
        this.names = names;
        this.mails = mails;
        this.audit = audit;
    }

    @GetMapping(PATH)
    String list(@AuthenticationPrincipal ConsoleUser user, Model model) {
        return list(user, model, new InviteForm("", "", user.administrator() ? "" : AccountRole.PROFESSIONAL.name(), "", ""));
    }

    @PostMapping(PATH)
    String invite(@AuthenticationPrincipal ConsoleUser user, InviteForm form, Model model, RedirectAttributes redirect) {
        AccountService.Invited invited;
        try {
            invited = accounts.invite(user.scope(), user.accountId(), new AccountService.NewAccount(form.email(),
                    form.displayName(), form.roleOrNull(), blankToNull(form.territoryId()), blankToNull(form.organisationId())));
        } catch (ChangeRefused refused) {
            model.addAttribute("refused", refused);
            return list(user, model, form);
        }
        mails.send(invited, user, where(user, invited.account()));
        audit.record(invited.account().territoryId(), invited.account().organisationId(), user.accountId(),
                AuditAction.ACCOUNT_INVITED, invited.account().id());
        redirect.addAttribute("invite", invited.account().email());
        return "redirect:" + PATH;
    }

    @GetMapping(PATH + "/{id}")
    String page(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id, Model model) {
        return page(user, mine(user, id), model);
    }

    @PostMapping(PATH + "/{id}")
    String change(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id, InviteForm form, Model model) {
        AccountSummary account = mine(user, id);
        return act(user, account, model, AuditAction.ACCOUNT_CHANGED, "modifie", () ->
                accounts.change(user.scope(), user.accountId(), account.id(), form.roleOrNull(),
                        blankToNull(form.territoryId()), blankToNull(form.organisationId())));
    }

    @PostMapping(PATH + "/{id}/desactiver")
    String deactivate(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id, Model model) {
        AccountSummary account = mine(user, id);
        return act(user, account, model, AuditAction.ACCOUNT_DEACTIVATED, "desactive",
                () -> accounts.deactivate(user.scope(), user.accountId(), account.id()));
    }

    @PostMapping(PATH + "/{id}/reactiver")
    String reactivate(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id, Model model) {
        AccountSummary account = mine(user, id);
        return act(user, account, model, AuditAction.ACCOUNT_REACTIVATED, "reactive",
                () -> accounts.reactivate(user.scope(), user.accountId(), account.id()));
    }

    /** Sends a new set-password link; the earlier ones stop working. */
    @PostMapping(PATH + "/{id}/invitation")
    String renew(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id, Model model) {
        AccountSummary account = mine(user, id);
        return act(user, account, model, AuditAction.ACCOUNT_INVITATION_RENEWED, "invitation", () -> {
            AccountService.Invited invited = accounts.renewInvitation(user.scope(), user.accountId(), account.id());
            mails.send(invited, user, where(user, invited.account()));
            return invited.account();
        });
    }

    private String act(ConsoleUser user, AccountSummary account, Model model, AuditAction action, String done,
                       java.util.function.Supplier<AccountSummary> change) {
        AccountSummary changed;
        try {
            changed = change.get();
        } catch (ChangeRefused refused) {
            if (refused.notFoundCase()) {
                throw new NotFound();
            }
            model.addAttribute("refused", refused);
            return page(user, account, model);
        }
        audit.record(changed.territoryId(), changed.organisationId(), user.accountId(), action, changed.id());
        return "redirect:" + PATH + "/" + changed.id() + "?" + done;
    }

    private String list(ConsoleUser user, Model model, InviteForm form) {
        model.addAttribute("user", user);
        model.addAttribute("accounts", accounts.visibleTo(user.scope()));
        model.addAttribute("form", form);
        choices(user, model);
        return LIST;
    }

    private String page(ConsoleUser user, AccountSummary account, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("account", account);
        model.addAttribute("self", account.id().equals(user.accountId()));
        choices(user, model);
        return PAGE;
    }

    private void choices(ConsoleUser user, Model model) {
        model.addAttribute("territoryNames", names.territories(user.scope()));
        model.addAttribute("organisationNames", names.organisations(user.scope()));
        model.addAttribute("roles", Arrays.stream(AccountRole.values())
                .filter(r -> user.administrator() || r == AccountRole.PROFESSIONAL).toList());
    }

    private AccountSummary mine(ConsoleUser user, String id) {
        return accounts.find(user.scope(), id).orElseThrow(NotFound::new);
    }

    private String where(ConsoleUser user, AccountSummary account) {
        return switch (account.role()) {
            case PROFESSIONAL -> names.organisations(user.scope()).get(account.organisationId());
            case ANIMATEUR -> names.territories(user.scope()).get(account.territoryId());
            case ADMINISTRATOR -> null;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The invitation form, also used to change a role or an organisation. */
    record InviteForm(String email, String displayName, String role, String territoryId, String organisationId) {

        AccountRole roleOrNull() {
            return role == null ? null : List.of(AccountRole.values()).stream().filter(r -> r.name().equals(role))
                    .findFirst().orElse(null);
        }
    }
}
