package fr.boussole.channels.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.Domains;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.core5.http.Header;

/**
 * The two Twilio calls the channels make, through the SDK's REST client: send a message, create a
 * content (WhatsApp buttons and lists). Answers are returned, never thrown, so that each deliverer maps
 * them to a delivery result.
 */
public class TwilioApi {

    private final TwilioRestClient client;
    private final String accountSid;
    private final ObjectMapper json = new ObjectMapper();

    TwilioApi(TwilioRestClient client, String accountSid) {
        this.client = client;
        this.accountSid = accountSid;
    }

    /** Sends a message; {@code fields} are Twilio's (From, To, Body or ContentSid/ContentVariables, StatusCallback). */
    public TwilioAnswer sendMessage(Map<String, String> fields) {
        Request request = new Request(HttpMethod.POST, Domains.API.toString(),
                "/2010-04-01/Accounts/" + accountSid + "/Messages.json");
        request.setContentType(EnumConstants.ContentType.FORM_URLENCODED);
        fields.forEach(request::addPostParam);
        return call(request);
    }

    /** Creates a content through the Content API from its JSON definition, returned as sent. */
    public TwilioAnswer createContent(String definition) {
        Request request = new Request(HttpMethod.POST, Domains.CONTENT.toString(), "/v1/Content");
        request.setContentType(EnumConstants.ContentType.JSON);
        request.setBody(definition);
        return call(request);
    }

    private TwilioAnswer call(Request request) {
        Response response;
        try {
            response = client.request(request);
        } catch (ApiConnectionException e) {
            return new TwilioAnswer.Unreachable(e.getMessage());
        }
        if (response == null) {
            return new TwilioAnswer.Unreachable("no answer");
        }
        int status = response.getStatusCode();
        JsonNode body = parse(response.getContent());
        if (status >= 200 && status < 300 && body.hasNonNull("sid")) {
            return new TwilioAnswer.Created(body.get("sid").asText());
        }
        Integer code = body.hasNonNull("code") && body.get("code").canConvertToInt() ? body.get("code").asInt() : null;
        String message = body.hasNonNull("message") ? body.get("message").asText() : "HTTP " + status;
        if (status >= 200 && status < 300) {
            status = 502; // a success without a sid is not one we can track
            message = "answer without a sid";
        }
        return new TwilioAnswer.Refused(status, code, message, retryAfter(response.getHeaders()));
    }

    private JsonNode parse(String content) {
        try {
            return content == null || content.isBlank() ? json.createObjectNode() : json.readTree(content);
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }

    static Duration retryAfter(Header[] headers) {
        if (headers == null) {
            return null;
        }
        for (Header header : headers) {
            if (header.getName().equalsIgnoreCase("Retry-After")) {
                try {
                    return Duration.ofSeconds(Long.parseLong(header.getValue().strip()));
                } catch (NumberFormatException e) {
                    return null; // an HTTP date: rare from Twilio, the default delay applies
                }
            }
        }
        return null;
    }
}
