package fr.boussole.console.hardening;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client for the real servlet container that keeps no cookies of its own: each call says which
 * session cookie it sends, so that a test can go on using an old session id after the server replaced it
 * (MockMvc hands sessions over as objects, and cannot show what a stolen cookie is worth).
 */
public final class Browserless {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]*)");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    public Browserless(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String path, String sessionId) throws Exception {
        return send(request(path, sessionId).GET().build());
    }

    public HttpResponse<String> post(String path, String sessionId, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path, sessionId).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Signs in through the login page; returns the session id the server gave after sign-in. */
    public String signIn(String email, String password) throws Exception {
        var page = get("/console/login", null);
        String before = sessionCookie(page).orElseThrow();
        var signedIn = post("/console/login", before, form("email", email, "password", password, "_csrf", csrf(page)));
        if (!signedIn.headers().firstValue("Location").orElse("").endsWith("/console")) {
            throw new AssertionError("sign-in refused: " + signedIn.headers().firstValue("Location"));
        }
        return sessionCookie(signedIn).orElseThrow();
    }

    /** The session id set by this response, if it sets one. */
    public static Optional<String> sessionCookie(HttpResponse<?> response) {
        return setCookie(response).map(c -> {
            Matcher m = SESSION.matcher(c);
            return m.find() ? m.group(1) : null;
        });
    }

    /** The {@code Set-Cookie} header of the session cookie, attributes included. */
    public static Optional<String> setCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst();
    }

    public static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF_FIELD.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF field in the page");
        }
        return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
    }

    public static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private HttpRequest.Builder request(String path, String sessionId) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (sessionId != null) {
            builder.header("Cookie", "JSESSIONID=" + sessionId);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
