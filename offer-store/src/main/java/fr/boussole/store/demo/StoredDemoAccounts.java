package fr.boussole.store.demo;

import fr.boussole.core.settings.DemoAccounts;
import fr.boussole.store.account.Accounts;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/** The demo accounts of {@link DemoDataLoader#accountEmails()}, checked against the store's password hashes. */
@Component
class StoredDemoAccounts implements DemoAccounts {

    private final Accounts accounts;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    StoredDemoAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<String> signingInWith(String password) {
        return DemoDataLoader.accountEmails().stream()
                .filter(email -> accounts.findByEmail(email.toLowerCase(Locale.ROOT))
                        .filter(account -> account.getPasswordHash() != null
                                && passwords.matches(password, account.getPasswordHash()))
                        .isPresent())
                .toList();
    }
}
