package fr.boussole.app.config;

import fr.boussole.store.account.Accounts;
import fr.boussole.store.demo.DemoDataLoader;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * The store's side of the rule {@link StartupSettings} applies to the settings: an app reached at anything
 * but a loopback address does not start while a demo account of its store still signs in with the
 * README's password (loaded earlier, on a developer's machine, and the data moved or the address changed
 * since; setting {@code BOUSSOLE_DEMO_PASSWORD} afterwards changes no stored account). Checked once the
 * beans exist and before the web server opens, only off loopback (one password check per demo account
 * present).
 */
@Component
class PublishedDemoPassword implements SmartInitializingSingleton {

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final String publicBaseUrl;

    PublishedDemoPassword(Accounts accounts, PasswordEncoder encoder,
                          @Value("${boussole.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (StartupSettings.loopback(publicBaseUrl)) {
            return;
        }
        for (String email : DemoDataLoader.accountEmails()) {
            accounts.findByEmail(email.toLowerCase(Locale.ROOT))
                    .filter(account -> account.getPasswordHash() != null
                            && encoder.matches(StartupSettings.PUBLISHED_DEMO_PASSWORD, account.getPasswordHash()))
                    .ifPresent(account -> {
                        throw new InvalidSettingException("BOUSSOLE_DEMO_PASSWORD", "the demo account " + email
                                + " still signs in with the published password " + StartupSettings.PUBLISHED_DEMO_PASSWORD
                                + " while PUBLIC_BASE_URL (" + publicBaseUrl + ") is not a loopback address; set a password "
                                + "of its own (console password reset) or remove the demo accounts, then start again");
                    });
        }
    }
}
