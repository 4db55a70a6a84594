package fr.boussole.app.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The endpoints anyone may call: the web chat (page and API), the providers' webhooks (they check
 * their own signatures) and the operations endpoints. Ordered first; everything else is left to
 * the console's security configuration. No session, no cookie: CSRF protection has nothing to protect.
 */
@Configuration(proxyBeanMethods = false)
class PublicEndpointsSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain publicEndpoints(HttpSecurity http) throws Exception {
        http.securityMatcher("/chat", "/chat/**", "/api/chat/**", "/webhooks/**",
                        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
