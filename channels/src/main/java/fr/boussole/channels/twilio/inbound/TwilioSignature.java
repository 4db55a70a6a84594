package fr.boussole.channels.twilio.inbound;

import com.twilio.security.RequestValidator;
import fr.boussole.core.settings.PublicBaseUrl;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Twilio's request signature: HMAC-SHA1 of the public URL (with its query) followed by the sorted form
 * parameters, keyed with the auth token. The URL is rebuilt from PUBLIC_BASE_URL, since behind a proxy
 * or tunnel the request's own URL is not the one Twilio signed.
 */
class TwilioSignature {

    static final String HEADER = "X-Twilio-Signature";

    private final RequestValidator validator;
    private final PublicBaseUrl publicBaseUrl;

    TwilioSignature(String authToken, PublicBaseUrl publicBaseUrl) {
        this.validator = new RequestValidator(authToken);
        this.publicBaseUrl = publicBaseUrl;
    }

    boolean isValid(HttpServletRequest request) {
        String signature = request.getHeader(HEADER);
        if (signature == null || signature.isBlank()) {
            return false;
        }
        String query = request.getQueryString();
        String url = publicBaseUrl.of(request.getRequestURI()) + (query == null ? "" : "?" + query);
        return validator.validate(url, formParameters(request, query), signature);
    }

    /** The body's parameters only: the servlet API mixes the query's in, and Twilio signs those within the URL. */
    static Map<String, String> formParameters(HttpServletRequest request, String query) {
        Set<String> inQuery = new HashSet<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                inQuery.add(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
            }
        }
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!inQuery.contains(name) && values.length > 0) {
                params.put(name, values[0]);
            }
        });
        return params;
    }
}
