package fr.boussole.channels.twilio;

import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The Twilio SDK's HTTP transport, on the JDK's client: one attempt per call (the outbox retries),
 * bounded by a timeout (twice it for the whole answer), and, when a base URL is configured, Twilio's
 * hosts replaced by it with the paths unchanged. JSON bodies (Content API) are forwarded as they are, form bodies encoded as the SDK
 * would.
 */
final class RedirectableTwilioHttpClient extends HttpClient {

    private final URI baseUrl;
    private final Duration timeout;
    private final java.net.http.HttpClient http;

    RedirectableTwilioHttpClient(URI baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.http = java.net.http.HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        URI target = target(request.constructURL());
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Accept", "application/json");
        String auth = request.getAuthString();
        if (auth != null && !auth.isBlank()) {
            builder.header("Authorization", auth.contains(" ") ? auth : "Basic " + auth);
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (request.getContentType() == EnumConstants.ContentType.JSON && request.getBody() != null) {
            body = HttpRequest.BodyPublishers.ofString(request.getBody());
            builder.header("Content-Type", "application/json");
        } else if (!request.getPostParams().isEmpty()) {
            body = HttpRequest.BodyPublishers.ofString(request.encodeFormBody());
            builder.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        }
        builder.method(request.getMethod().toString(), body);
        // the request's timeout stops at the headers: a body trickled byte by byte is bounded here
        java.util.concurrent.CompletableFuture<HttpResponse<String>> call = http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = call.get(timeout.toMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS);
            List<Header> headers = new ArrayList<>();
            response.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(new BasicHeader(name, v))));
            return new Response(response.body(), response.statusCode(), headers.toArray(Header[]::new));
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ApiConnectionException("Twilio could not be reached: " + cause.getClass().getSimpleName(), cause);
        } catch (java.util.concurrent.TimeoutException e) {
            call.cancel(true);
            throw new ApiConnectionException("Twilio could not be reached: answer not complete after " + timeout.multipliedBy(2), e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted while calling Twilio", e);
        }
    }

    private URI target(URL original) {
        URI uri = URI.create(original.toString());
        if (baseUrl == null) {
            return uri;
        }
        String base = baseUrl.toString().replaceAll("/+$", "");
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return URI.create(base + uri.getRawPath() + query);
    }
}
