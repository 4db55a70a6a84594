package fr.boussole.app.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code /actuator/prometheus} is for the scraper only: it answers a request carrying
 * {@code Authorization: Bearer <BOUSSOLE_METRICS_TOKEN>} and refuses every other one with 401 (metrics
 * tell how busy the service is, which territories are used, how many deliveries fail). Without the
 * variable no request is answered. The token is compared in constant time; its length is checked at
 * start-up ({@link StartupSettings}).
 */
@Configuration(proxyBeanMethods = false)
class MetricsAccess {

    static final String PATH = "/actuator/prometheus";
    private static final Logger log = LoggerFactory.getLogger(MetricsAccess.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> metricsToken(@Value("${boussole.metrics-token:}") String token) {
        if (token.isBlank()) {
            log.info("BOUSSOLE_METRICS_TOKEN is not set: {} refuses every request", PATH);
        }
        byte[] expected = ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String given = request.getHeader("Authorization");
                if (token.isBlank() || given == null
                        || !MessageDigest.isEqual(expected, given.strip().getBytes(StandardCharsets.UTF_8))) {
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(PATH, PATH + "/*");
        registration.setName("metricsToken");
        return registration;
    }
}
