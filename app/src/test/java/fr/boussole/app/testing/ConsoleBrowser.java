package fr.boussole.app.testing;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser of sorts for the console of an app under test: keeps cookies and follows redirects.
 * The public URL is https, so the console's session cookie is Secure; the test talks plain HTTP to
 * the port where a TLS proxy would, so the jar hands cookies back as if the request were https.
 */
public final class ConsoleBrowser {

    /**
     * The demo accounts' password in the tests (the test application.properties' BOUSSOLE_DEMO_PASSWORD): not
     * the README's, which an app reached at a public address refuses.
     */
    public static final String DEMO_PASSWORD = "demo-password-of-the-tests";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager() {
                @Override
                public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws java.io.IOException {
                    return super.get(URI.create(uri.toString().replaceFirst("^http:", "https:")), headers);
                }
            })
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public ConsoleBrowser(int port) {
        this.port = port;
    }

    /** A browser signed in to the console as this demo account; fails if the sign-in page comes back. */
    public static ConsoleBrowser signedIn(int port, String email) throws Exception {
        ConsoleBrowser browser = new ConsoleBrowser(port);
        HttpResponse<String> login = browser.get("/console/login");
        HttpResponse<String> home = browser.post("/console/login",
                Map.of("_csrf", csrf(login.body()), "email", email, "password", DEMO_PASSWORD));
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().getPath()).as("signed in as " + email).doesNotContain("login");
        assertThat(home.body()).as("signed in as " + email).doesNotContain("id=\"password\"");
        return browser;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(local(path))).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(local(path))).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of a console page's form. */
    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private String local(String path) {
        return "http://localhost:" + port + path;
    }
}
