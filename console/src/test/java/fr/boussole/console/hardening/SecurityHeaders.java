package fr.boussole.console.hardening;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers every console response must carry, checked from any client's view of the headers. */
final class SecurityHeaders {

    private SecurityHeaders() {}

    /**
     * Asserts the headers of one response; {@code header} returns null when absent. The CSP must forbid
     * inline and eval'd scripts (a script-src, or default-src if no script-src, without 'unsafe-inline' or
     * 'unsafe-eval') and framing; the page must not be stored by a browser or a proxy.
     */
    static void assertPresent(String what, Function<String, String> header) {
        String csp = header.apply("Content-Security-Policy");
        assertThat(csp).as("CSP of %s", what).isNotNull();
        Map<String, List<String>> directives = Arrays.stream(csp.split(";")).map(String::strip)
                .filter(d -> !d.isEmpty()).map(d -> d.split("\\s+"))
                .collect(Collectors.toMap(d -> d[0], d -> List.of(d).subList(1, d.length)));
        List<String> scripts = directives.getOrDefault("script-src", directives.get("default-src"));
        assertThat(scripts).as("script sources of %s", what).isNotNull()
                .doesNotContain("'unsafe-inline'", "'unsafe-eval'", "*", "data:");
        assertThat(directives.get("frame-ancestors")).as("frame-ancestors of %s", what).containsExactly("'none'");
        assertThat(directives.get("object-src")).as("object-src of %s", what).containsExactly("'none'");
        assertThat(header.apply("X-Frame-Options")).as("X-Frame-Options of %s", what).isEqualTo("DENY");
        assertThat(header.apply("X-Content-Type-Options")).as("X-Content-Type-Options of %s", what).isEqualTo("nosniff");
        assertThat(header.apply("Referrer-Policy")).as("Referrer-Policy of %s", what).isEqualTo("no-referrer");
        assertThat(header.apply("Cache-Control")).as("Cache-Control of %s", what).contains("no-store");
    }
}
