package fr.boussole.console.admin;

import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.account.AccountService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console accounts: every one for an administrator, the territory's for its animateur. */
@Controller
class AccountsController {

    static final String PATH = "/console/admin/comptes";
    static final String LIST = "console/admin/accounts";

    private final AccountService accounts;
    private final AdminNames names;

    AccountsController(AccountService accounts, AdminNames names) {
        this.accounts = accounts;
        this.names = names;
    }

    @GetMapping(PATH)
    String list(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("accounts", accounts.visibleTo(user.scope()));
        model.addAttribute("territoryNames", names.territories(user.scope()));
        model.addAttribute("organisationNames", names.organisations(user.scope()));
        return LIST;
    }
}
