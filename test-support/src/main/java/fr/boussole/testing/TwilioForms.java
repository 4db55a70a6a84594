package fr.boussole.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's side of the wire, for every module's tests: the one signed Twilio sender. It signs a form post
 * the way Twilio does (HMAC-SHA1 of the URL followed by the sorted parameters, written from Twilio's
 * published algorithm, apart from the SDK the code under test uses) and writes and reads
 * {@code application/x-www-form-urlencoded} bodies.
 */
public final class TwilioForms {

    private TwilioForms() {}

    /** The {@code X-Twilio-Signature} of a form posted to {@code url} by the account whose token is {@code authToken}. */
    public static String sign(String authToken, String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A webhook post as Twilio makes it: the form, its content type and its signature. Twilio signs the
     * public URL it was given ({@code signedUrl}), which differs from where the test sends it ({@code target}).
     */
    public static HttpRequest.Builder signedPost(URI target, String signedUrl, String authToken, Map<String, String> form) {
        return HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", sign(authToken, signedUrl, form))
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A form body as its parameters, in their order (a REST call the code under test made, as WireMock saw it). */
    public static Map<String, String> decode(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }
}
