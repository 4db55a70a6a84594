package fr.boussole.console.admin;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.console.security.PasswordResets;
import fr.boussole.store.account.Account;
import fr.boussole.store.account.AccountService;
import fr.boussole.store.scope.Scope;
import fr.boussole.store.account.Invitations;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page an invitation link opens (and the one {@code --create-admin} prints): the invited person
 * chooses their password, which spends the link. An unknown, used, replaced or expired link answers
 * 410 with a page saying to ask for a new one.
 */
@Controller
class InvitationController {

    static final String PATH = "/console/invitation/";
    static final String VIEW = "console/invitation";

    private final Invitations invitations;
    private final PasswordEncoder encoder;
    private final AccountService accounts;
    private final AuditLog audit;

    InvitationController(Invitations invitations, PasswordEncoder encoder, AccountService accounts, AuditLog audit) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.encoder = encoder;
        this.audit = audit;
    }

    @GetMapping(PATH + "{token}")
    String choose(@PathVariable String token, Model model, HttpServletResponse response) {
        var account = invitations.pending(token);
        if (account.isEmpty()) {
            return gone(model, response);
        }
        return form(model, token, account.get());
    }

    @PostMapping(PATH + "{token}")
    String set(@PathVariable String token, @RequestParam(defaultValue = "") String password,
               @RequestParam(defaultValue = "") String confirmation, Model model, HttpServletResponse response) {
        var pending = invitations.pending(token);
        if (pending.isEmpty()) {
            return gone(model, response);
        }
        if (!password.equals(confirmation) || password.length() < PasswordResets.MIN_LENGTH) {
            model.addAttribute("mismatch", true);
            return form(model, token, pending.get());
        }
        var accepted = invitations.accept(token, encoder.encode(password));
        if (accepted.isEmpty()) {
            return gone(model, response);
        }
        // the territory of a professional is their organisation's: the animateur's journal then shows it
        accounts.find(Scope.NATIONAL, accepted.get().getId()).ifPresent(account -> audit.record(account.territoryId(),
                account.organisationId(), account.id(), AuditAction.INVITATION_ACCEPTED, account.id()));
        return "redirect:/console/login?reset";
    }

    private static String form(Model model, String token, Account account) {
        model.addAttribute("token", token);
        model.addAttribute("email", account.getEmail());
        model.addAttribute("minLength", PasswordResets.MIN_LENGTH);
        return VIEW;
    }

    private static String gone(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_GONE);
        model.addAttribute("invalid", true);
        return VIEW;
    }
}
