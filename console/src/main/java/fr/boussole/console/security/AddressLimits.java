package fr.boussole.console.security;

import fr.boussole.core.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins one client address may make, whatever the emails tried, before it is refused
 * for {@code boussole.console.lock-duration}. Higher than the per-email limit: several professionals may share
 * one office address, while one address trying many emails is someone guessing.
 *
 * @param maxLoginFailuresPerAddress failures from one address within one lock duration before it is refused
 */
@ConfigurationProperties("boussole.console")
record AddressLimits(@DefaultValue("20") int maxLoginFailuresPerAddress) {

    AddressLimits {
        if (maxLoginFailuresPerAddress < 1) {
            throw InvalidSettingException.ofProperty("boussole.console.max-login-failures-per-address", "must be at least 1");
        }
    }
}
