package fr.boussole.console.admin;

import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.account.AccountService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Notes each successful sign-in on the account, for the "last sign-in" of the accounts page. */
@Component
class SignIns {

    private final AccountService accounts;

    SignIns(AccountService accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof ConsoleUser user) {
            accounts.signedIn(user.accountId());
        }
    }
}
