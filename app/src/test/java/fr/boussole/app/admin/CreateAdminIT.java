package fr.boussole.app.admin;

import fr.boussole.app.crash.ChildApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --create-admin=EMAIL} as an operator types it, on the embedded store: with the app stopped, then
 * while the app runs and holds the store's file (the command reaches the data through the app's store
 * server); each run prints a new one-time link and exits 0, and the link sets the password of a national
 * administrator in the running app.
 */
class CreateAdminIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    @TempDir
    Path work;

    @Test
    void the_command_creates_the_administrator_whether_the_app_runs_or_not_and_its_latest_link_sets_the_password()
            throws Exception {
        int port = ChildApp.freePort();
        Path data = Files.createDirectories(work.resolve("data"));
        Map<String, String> settings = Map.of("BOUSSOLE_DATA_DIR", data.toString(), "SERVER_PORT", Integer.toString(port),
                "PUBLIC_BASE_URL", "http://localhost:" + port);

        CommandLineApp.Outcome stopped = CommandLineApp.run(settings, work, "--create-admin=Admin@Boussole.example.org");
        assertThat(stopped.exitCode()).as("exit status; stderr: %s", stopped.err()).isZero();
        assertThat(stopped.link()).as("the link printed: %s", stopped.out()).startsWith("http://localhost:" + port + "/console/");
        assertThat(stopped.out()).contains("admin@boussole.example.org");

        CommandLineApp.Server app = CommandLineApp.start(settings, work.resolve("app.log"));
        try {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
            awaitHealthy(http, port, app);

            CommandLineApp.Outcome running = CommandLineApp.run(settings, work, "--create-admin=admin@boussole.example.org");
            assertThat(running.exitCode()).as("exit status while the app runs; stderr: %s", running.err()).isZero();
            assertThat(running.link()).isNotNull().isNotEqualTo(stopped.link());

            assertThat(get(http, stopped.link()).statusCode()).as("the first link, replaced by the second").isEqualTo(410);
            HttpResponse<String> page = get(http, running.link());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("admin@boussole.example.org");
            HttpResponse<String> set = post(http, running.link(), Map.of("_csrf", csrf(page.body()),
                    "password", "un-mot-de-passe-solide", "confirmation", "un-mot-de-passe-solide"));
            assertThat(set.uri().getPath()).isEqualTo("/console/login");
            assertThat(get(http, running.link()).statusCode()).as("used once").isEqualTo(410);

            HttpResponse<String> login = get(http, "http://localhost:" + port + "/console/login");
            HttpResponse<String> home = post(http, "http://localhost:" + port + "/console/login", Map.of("_csrf",
                    csrf(login.body()), "email", "admin@boussole.example.org", "password", "un-mot-de-passe-solide"));
            assertThat(home.uri().getPath()).isEqualTo("/console");
            HttpResponse<String> territories = get(http, "http://localhost:" + port + "/console/admin/territoires");
            assertThat(territories.statusCode()).isEqualTo(200);
            assertThat(territories.body()).contains("Boussole du Lot");

            // refusals, run in this JVM (quicker than a process of its own; the same code)
            var err = new java.io.ByteArrayOutputStream();
            var out = new java.io.ByteArrayOutputStream();
            String[] sameStore = {"--boussole.data-dir=" + data, "--server.port=" + port};
            assertThat(CreateAdminCommand.run(args(sameStore, "--create-admin=personne"), new java.io.PrintStream(out),
                    new java.io.PrintStream(err))).as("not an email").isEqualTo(2);
            assertThat(CreateAdminCommand.run(args(sameStore, "--create-admin"), new java.io.PrintStream(out),
                    new java.io.PrintStream(err))).as("no email").isEqualTo(2);
            assertThat(CreateAdminCommand.run(args(sameStore, "--create-admin=animatrice@boussole-lot.example.org"),
                    new java.io.PrintStream(out), new java.io.PrintStream(err)))
                    .as("an animateur's email is not made an administrator").isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("ANIMATEUR");
            assertThat(out.toString(StandardCharsets.UTF_8)).as("no link for a refusal").doesNotContain("/console/");
        } finally {
            app.stop();
        }
    }

    private static String[] args(String[] common, String command) {
        String[] all = java.util.Arrays.copyOf(common, common.length + 1);
        all[common.length] = command;
        return all;
    }

    private static void awaitHealthy(HttpClient http, int port, CommandLineApp.Server app) throws Exception {
        long deadline = System.nanoTime() + CommandLineApp.startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.process().isAlive()) {
                throw new AssertionError("the app exited: " + Files.readString(app.log()));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the app did not start: " + Files.readString(app.log()));
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient http, String url, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
