package fr.boussole.app.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to the web chat endpoint over real HTTP. */
public record ChatClient(int port) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpResponse<String> post(String sessionId, String json, String messageId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/chat/" + sessionId + "/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (messageId != null) {
            request.header("X-Message-Id", messageId);
        }
        return send(request.build());
    }

    public HttpResponse<String> say(String sessionId, String text) {
        return post(sessionId, "{\"text\":\"" + text + "\"}", null);
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept).GET().build());
    }

    /** A GET with an {@code Authorization} header (the metrics scraper's token). */
    public HttpResponse<String> get(String path, String accept, String authorization) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
                .header("Authorization", authorization).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
