package fr.boussole.console.security;

import fr.boussole.console.settings.ConsoleSettings;
import jakarta.servlet.SessionCookieConfig;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains: the console's (sign-in, CSRF, strict headers) for {@code /console/**} only, and an
 * open one for everything else (chat, webhooks checked by signature, health and metrics), which belongs
 * to other modules and must not ask for a login or a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class ConsoleSecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(10)
    SecurityFilterChain consoleChain(HttpSecurity http, LoginFailureHandler failureHandler) throws Exception {
        http.securityMatcher("/console/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/console/login", "/console/mot-de-passe/**", "/console/alerte/**",
                                "/console/assets/**", "/console/error").permitAll()
                        .requestMatchers("/console/animation/**").hasRole(Role.ANIMATEUR.name())
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

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The session cookie is Secure when the public URL is https, and never readable from scripts. */
    @Bean
    ServletContextInitializer consoleSessionCookie(ConsoleSettings settings) {
        return servletContext -> {
            SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
            cookie.setHttpOnly(true);
            cookie.setSecure(settings.https());
            cookie.setAttribute("SameSite", "Lax");
        };
    }
}
