package fr.boussole.app.config;

import fr.boussole.core.settings.InvalidSettingException;
import fr.boussole.core.settings.DemoAccounts;
import fr.boussole.core.settings.PublicBaseUrl;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The store's side of the rule {@link StartupSettings} applies to the settings: an app reached at anything
 * but a loopback address does not start while a demo account of its store still signs in with the
 * README's password (loaded earlier, on a developer's machine, and the data moved or the address changed
 * since; setting {@code BOUSSOLE_DEMO_PASSWORD} afterwards changes no stored account). Checked once the
 * beans exist and before the web server opens, only off loopback (one password check per demo account
 * present), through bot-core's {@link DemoAccounts}, which the offer store answers.
 */
@Component
class PublishedDemoPassword implements SmartInitializingSingleton {

    private final DemoAccounts demoAccounts;
    private final String publicBaseUrl;

    PublishedDemoPassword(DemoAccounts demoAccounts, PublicBaseUrl publicBaseUrl) {
        this.demoAccounts = demoAccounts;
        this.publicBaseUrl = publicBaseUrl.toString();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (StartupSettings.loopback(publicBaseUrl)) {
            return;
        }
        demoAccounts.signingInWith(StartupSettings.PUBLISHED_DEMO_PASSWORD).stream().findFirst().ifPresent(email -> {
            throw new InvalidSettingException("BOUSSOLE_DEMO_PASSWORD", "the demo account " + email
                    + " still signs in with the published password " + StartupSettings.PUBLISHED_DEMO_PASSWORD
                    + " while PUBLIC_BASE_URL (" + publicBaseUrl + ") is not a loopback address; set a password "
                    + "of its own (console password reset) or remove the demo accounts, then start again");
        });
    }
}
