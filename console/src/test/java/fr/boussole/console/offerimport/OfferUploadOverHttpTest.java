package fr.boussole.console.offerimport;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload through the real servlet container, signed in with the login form: MockMvc hands the
 * parts over already parsed, so neither the size limit nor the CSRF check of a multipart body (the
 * token must be readable even when the container refuses the body) can be seen there.
 */
class OfferUploadOverHttpTest extends ConsoleIntegrationTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern IMPORT_ACTION = Pattern.compile("action=\"([^\"]*/console/offres/import[^\"]*)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private Fixtures.World world;

    @BeforeEach
    void signIn() throws Exception {
        world = fixtures.world();
        String login = http.send(get("/console/login"), HttpResponse.BodyHandlers.ofString()).body();
        String form = "email=" + URLEncoder.encode(world.a().professional().email(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(find(CSRF_FIELD, login), StandardCharsets.UTF_8);
        var signedIn = http.send(HttpRequest.newBuilder(uri("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
    }

    @Test
    void a_file_under_the_limit_is_imported() throws Exception {
        String ref = "http-" + world.a().id().substring(3, 12);
        String csv = "ref,title,description,theme,organisation,contact_delay_days,status\n"
                + ref + ",Atelier CV,Un conseiller t'aide.,emploi," + world.a().id() + ",3,active\n";

        var response = upload(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        Page page = new Page(new String(response.body(), StandardCharsets.UTF_8));
        assertThat(page.has("import-done")).isTrue();
        assertThat(page.count("count-created")).isEqualTo(1);
    }

    @Test
    void a_file_over_five_megabytes_is_sent_back_to_the_form_with_a_message() throws Exception {
        byte[] big = new byte[(int) UploadedCsv.MAX_BYTES + 100_000];
        Arrays.fill(big, (byte) 'a');

        var response = upload(big);

        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/console/offres/import?trop-lourd");
        String page = http.send(get(location), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(new Page(page).text("import-error")).contains("5 Mo");
    }

    @Test
    void a_much_larger_file_is_sent_back_to_the_form_too() throws Exception {
        byte[] huge = new byte[30 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');

        var response = upload(huge);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?trop-lourd"));
    }

    private HttpResponse<byte[]> upload(byte[] file) throws Exception {
        String page = http.send(get("/console/offres/import"), HttpResponse.BodyHandlers.ofString()).body();
        String action = HtmlUtils.htmlUnescape(find(IMPORT_ACTION, page));
        String boundary = "----boussole-test-boundary";
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + find(CSRF_FIELD, page) + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"offres.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest get(String pathOrUrl) {
        return HttpRequest.newBuilder(uri(pathOrUrl)).GET().build();
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl);
    }

    private static String find(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as("%s in the page", pattern).isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }
}
