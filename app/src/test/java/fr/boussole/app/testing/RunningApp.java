package fr.boussole.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.boussole.app.BoussoleApplication;
import fr.boussole.testing.OutsideWorld;
import fr.boussole.testing.ProviderAccounts;
import fr.boussole.testing.TwilioForms;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The one base of the tests that run the whole application as in production (real engine, offer store,
 * channels, console, pipeline) on a random port, against the doubles of an {@link OutsideWorld}. A base
 * that extends it (the journeys, the provider outages, the log privacy run) holds its own world and
 * accounts in static fields, registers them with {@link #register} from its {@code @DynamicPropertySource},
 * then adds its own settings (a later value of the same property wins).
 * <p>
 * Each base gives the app a data directory of its own ({@code @TestPropertySource(properties =
 * "boussole.data-dir=target/…")}): the dynamic properties reach the environment only after the start-up
 * check has found no store URI and opened the embedded store (then unused: the world's database wins),
 * and the default {@code ./data} is locked by whichever context of the same JVM opened it first.
 */
@SpringBootTest(classes = BoussoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningApp {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** How long one request to the running app may take: long, for a loaded machine. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The world's doubles and the accounts, the demo data, a fast pipeline, no banner. */
    protected static void register(DynamicPropertyRegistry registry, OutsideWorld world, ProviderAccounts accounts) {
        world.register(registry, "boussole", accounts);
        registry.add("boussole.store.demo.enabled", () -> "true");
        registry.add("boussole.pipeline.poll-interval", () -> "100ms");
        registry.add("spring.main.banner-mode", () -> "off");
    }

    public String local(String path) {
        return "http://localhost:" + port + path;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON post to the running app, with extra headers given as name, value, name, value… */
    public HttpResponse<String> postJson(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local(path))).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** A form posted to the running app as Twilio posts it, signed with {@code authToken} for the app's public URL. */
    public HttpResponse<String> postTwilio(String path, Map<String, String> form, String publicBaseUrl, String authToken) {
        return send(TwilioForms.signedPost(URI.create(local(path)), publicBaseUrl + path, authToken, form)
                .timeout(REQUEST_TIMEOUT).build());
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
