package fr.boussole.app.journey;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.channels.webchat.WebChatController;
import fr.boussole.core.message.Channel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the web chat endpoint on the running application over HTTP: whatever the session id in
 * the path and the JSON posted (wrong types, nulls, both or neither of text and choice, malformed JSON,
 * long texts, operators), the answer is 2xx or 4xx, never 5xx; a refusal is the chat's JSON error; a
 * well-formed message (a valid session, one non-blank text of at most 2,000 characters or one choice) is
 * answered 200 and stored once with its text as sent, anything else is not stored. Fails when the
 * controller or its error handling lets an exception through, or when a refused message reaches the inbox.
 */
class WebChatBadInputProperties extends RunningBot {

    static final AtomicLong COUNTER = new AtomicLong();
    static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One post; {@code storedText} is what a taken text must be stored as, {@code taken} whether it must be taken. */
    record ChatPost(String session, String messageId, String body, Boolean taken, String storedText) {}

    @Test
    void any_post_gets_2xx_or_4xx_and_only_well_formed_messages_are_stored_once() {
        Samples.forAll(posts(), 100, "web chat post", post -> {
            String path = "/api/chat/" + URLEncoder.encode(post.session(), StandardCharsets.UTF_8) + "/messages";
            HttpResponse<String> answer = postJson(path, post.body(), "X-Message-Id", post.messageId());
            TwilioBadInputProperties.assertAnsweredWithoutServerError(answer);
            long stored = stored(post);
            if (Boolean.TRUE.equals(post.taken())) {
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(json(answer.body()).path("replies").isArray()).isTrue();
                assertThat(stored).as("a message is stored once").isEqualTo(1);
                if (post.storedText() != null) {
                    assertThat(inboundMessages.byId(InboundMessages.idOf(Channel.WEB, WebChatController.providerMessageId(post.session(), post.messageId())))
                            .orElseThrow().inbound().text()).isEqualTo(post.storedText());
                }
            } else if (Boolean.FALSE.equals(post.taken())) {
                assertThat(answer.statusCode()).isBetween(400, 499);
                assertThat(stored).as("a refused message is not stored").isZero();
            } else {
                assertThat(stored).isEqualTo(answer.statusCode() == 200 ? 1 : 0);
            }
            if (answer.statusCode() >= 400 && SESSION.matcher(post.session()).matches()) {
                assertThat(json(answer.body()).path("error").asText()).as("the chat's JSON error").isNotBlank();
                assertThat(json(answer.body()).path("message").asText()).isNotBlank();
            }
        });
    }

    static Arbitrary<ChatPost> posts() {
        Arbitrary<String> session = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.create(() -> "fuzz-session-" + COUNTER.incrementAndGet())),
                Tuple.of(1, Samples.nastyText(80)),
                Tuple.of(1, Arbitraries.of("short", "a".repeat(65), "$where-session", "{\"$ne\":null}", "..", "sess ion 12345",
                        "session-%00-abc", "session/../../x", "ÉTÉ-session-1")));
        Arbitrary<Body> body = Arbitraries.frequencyOf(
                Tuple.of(4, Samples.nastyText(2500).map(t -> text("text", t))),
                Tuple.of(2, Samples.nastyText(250).map(c -> choice(c))),
                Tuple.of(1, Combinators.combine(Samples.nastyText(20), Samples.nastyText(20)).as((t, c) -> {
                    ObjectNode both = NODES.objectNode().put("text", t).put("choice", c);
                    boolean one = Samples.asSent(t).isBlank() != Samples.asSent(c).isBlank();
                    return new Body(both.toString(), one ? null : Boolean.FALSE, null);
                })),
                Tuple.of(2, Arbitraries.of(
                        new Body("{}", false, null), new Body("{\"text\":null}", false, null), new Body("{\"choice\":null,\"text\":null}", false, null),
                        new Body("{\"text\":{\"$ne\":null}}", false, null), new Body("{\"text\":[\"a\"]}", false, null),
                        new Body("{\"choice\":{\"$where\":\"1\"}}", false, null), new Body("{\"text\":123}", null, null),
                        new Body("{\"choice\":true}", null, null), new Body("{\"text\":\"salut\",\"$where\":\"x\"}", null, null),
                        new Body("{not json", false, null), new Body("", false, null), new Body("null", false, null),
                        new Body("[]", false, null), new Body("\"text\"", false, null), new Body("{\"text\":\"a\"", false, null),
                        new Body("{\"text\":\"\\ud800\"}", null, null), new Body("{\"text\":\"\\u0000\"}", null, null))));
        return Combinators.combine(session, body).as((s, b) -> {
            boolean validSession = SESSION.matcher(s).matches();
            Boolean taken = !validSession ? Boolean.FALSE : b.taken();
            return new ChatPost(s, "m" + COUNTER.incrementAndGet(), b.json(), taken, validSession ? b.storedText() : null);
        });
    }

    /** A JSON body, whether a valid session makes it taken (null: either way), and the text then stored. */
    record Body(String json, Boolean taken, String storedText) {}

    static Body text(String field, String text) {
        String sent = Samples.asSent(text);
        boolean taken = !sent.isBlank() && sent.length() <= 2000;
        return new Body(NODES.objectNode().put(field, text).toString(), taken, taken ? sent.strip() : null);
    }

    static Body choice(String choice) {
        String sent = Samples.asSent(choice);
        return new Body(NODES.objectNode().put("choice", choice).toString(), !sent.isBlank() && sent.length() <= 200, null);
    }

    long stored(ChatPost post) {
        return mongo.count(Query.query(Criteria.where("channel").is(Channel.WEB.id())
                .and("providerMessageId").is(WebChatController.providerMessageId(post.session(), post.messageId()))), "inbound_messages");
    }
}
