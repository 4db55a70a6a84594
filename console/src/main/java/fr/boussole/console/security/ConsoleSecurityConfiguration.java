package fr.boussole.console.security;

import fr.boussole.core.settings.PublicBaseUrl;

import fr.boussole.store.account.AccountRole;
import jakarta.servlet.SessionCookieConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The console's filter chain (sign-in, throttling, CSRF, strict headers, no caching) for
 * {@code /console/**} only; the public endpoints of the other modules are the app's
 * {@code PublicEndpointsSecurity}, without login or CSRF.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({AddressLimits.class, ResetLimits.class})
class ConsoleSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurityConfiguration.class);

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(10)
    SecurityFilterChain consoleChain(HttpSecurity http, LoginFailureHandler failureHandler, ConsoleAccounts accounts)
            throws Exception {
        http.securityMatcher("/console/**")
                .addFilterBefore(new SessionCheck(accounts), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/console/login", "/console/mot-de-passe/**", "/console/alerte/**",
                                "/console/invitation/**", "/console/assets/**", "/console/error").permitAll()
                        // Who may open what, by role (docs/console.md, Roles); each page then scopes its
                        // queries by the account's territory or organisation.
                        .requestMatchers("/console/admin/organisations/**", "/console/admin/comptes/**")
                        .hasAnyRole(AccountRole.ADMINISTRATOR.name(), AccountRole.ANIMATEUR.name())
                        .requestMatchers("/console/admin/**").hasRole(AccountRole.ADMINISTRATOR.name())
                        .requestMatchers("/console/animation/donnees/**", "/console/animation/envois-en-echec/**",
                                "/console/animation/entonnoir/**")
                        .hasAnyRole(AccountRole.ADMINISTRATOR.name(), AccountRole.ANIMATEUR.name())
                        .requestMatchers("/console/animation/**").hasRole(AccountRole.ANIMATEUR.name())
                        .requestMatchers("/console/demandes/**", "/console/offres/**", "/console/annuaire/**")
                        .hasAnyRole(AccountRole.PROFESSIONAL.name(), AccountRole.ANIMATEUR.name())
                        // the inbox then keeps to the territory's animateurs and Info Jeunes professionals
                        .requestMatchers("/console/conversations/**")
                        .hasAnyRole(AccountRole.PROFESSIONAL.name(), AccountRole.ANIMATEUR.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/console/login")
                        .loginProcessingUrl("/console/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/console", true)
                        .failureHandler(failureHandler)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout")
                        .logoutSuccessUrl("/console/login?logout")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentTypeOptions(nosniff -> {}));
        return http.build();
    }

    /**
     * No observation of each request's way through the filter chains, nor of each authorisation decision: with
     * the metrics registry present, Spring Security wrapped every filter of every chain in an observation (a
     * timer and a long-task timer, started and stopped before and after each filter): 2.4 % of the app's CPU
     * under the web chat's load, 1.3 % without (issue 12, BENCHMARKS.md). The HTTP request's own timer stays;
     * sign-ins are still observed.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).shouldObserveAuthorizations(false).build();
    }

    /** The only authentication provider: the app's other chains sign nobody in. */
    @Bean
    ConsoleAuthentication consoleAuthentication(ConsoleAccounts accounts, PasswordEncoder encoder, Lockout lockout) {
        return new ConsoleAuthentication(new ConsoleUserDetailsService(accounts), encoder, lockout);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The session cookie is never readable from scripts, not sent on cross-site sub-requests or posts,
     * and Secure when the public URL is https. Over plain http it cannot be Secure (browsers would drop or
     * withhold it), which is right for a developer's {@code http://localhost} and wrong anywhere else:
     * start-up then says so in the log.
     */
    @Bean
    ServletContextInitializer consoleSessionCookie(PublicBaseUrl publicBaseUrl) {
        if (!publicBaseUrl.https() && !publicBaseUrl.localhost()) {
            log.warn("PUBLIC_BASE_URL is not https: the console's session cookie travels unencrypted");
        }
        return servletContext -> {
            SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
            cookie.setHttpOnly(true);
            cookie.setSecure(publicBaseUrl.https());
            cookie.setAttribute("SameSite", "Lax");
        };
    }
}
