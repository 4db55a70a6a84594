package fr.boussole.app.journey;

import fr.boussole.testing.TwilioForms;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.core.message.Channel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of Twilio's webhooks on the running application over HTTP, with signatures computed as
 * Twilio computes them so that the forms reach the parser: whatever the parameters (random Unicode,
 * control characters, emoji, missing or duplicated fields, malformed percent-encoding, odd
 * {@code whatsapp:} addresses, MongoDB operators, long values), the answer is 2xx or 4xx with a body,
 * never 5xx; a refused message is not stored, an accepted one is stored once, a replay changes nothing,
 * and operators are stored as the plain text they are. Fails when a parser throws (a 500), when the
 * inbox keeps what the answer refused, or when a value is read as a query.
 */
class TwilioBadInputProperties extends RunningBot {

    static final String INBOUND = "/webhooks/twilio";
    static final String STATUS = "/webhooks/twilio/status";

    /** One webhook post: the parameters signed (first values), raw pairs added unsigned, and whether the signature holds. */
    record TwilioPost(Map<String, String> signed, String unsignedPairs, boolean goodSignature) {}

    @Test
    void any_incoming_form_gets_2xx_or_4xx_and_is_stored_once_or_not_at_all() {
        Samples.forAll(incomingForms(), 120, "twilio incoming form", post -> {
            HttpResponse<String> answer = send(INBOUND, post);
            assertAnsweredWithoutServerError(answer);
            if (!post.goodSignature()) {
                // 400 comes first when the form cannot be read at all (undecodable, or names with control
                // characters that Spring Security's firewall rejects): its signature cannot be checked
                assertThat(answer.statusCode()).as("a wrong signature is refused").isIn(400, 403);
            }
            String sid = post.signed().get("MessageSid");
            if (answer.statusCode() / 100 == 2) {
                assertThat(answer.body()).contains("<Response/>");
                assertThat(storedWithSid(sid)).as("an accepted message is stored once").isEqualTo(1);
                assertThat(send(INBOUND, post).statusCode()).as("a replay").isEqualTo(answer.statusCode());
                assertThat(storedWithSid(sid)).as("a replayed message is stored once").isEqualTo(1);
            } else if (sid != null) {
                assertThat(storedWithSid(sid)).as("a refused message is not stored").isZero();
            }
        });
    }

    @Test
    void any_status_callback_gets_2xx_or_4xx() {
        Arbitrary<TwilioPost> callbacks = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.create(TwilioBadInputProperties::freshSid)), Tuple.of(1, Samples.nastyText(80)),
                        Tuple.of(1, Arbitraries.just((String) null))),
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("sent", "delivered", "read", "undelivered", "failed", "queued",
                        "DELIVERED", " failed ")), Tuple.of(1, Samples.nastyText(40)), Tuple.of(1, Arbitraries.just((String) null))),
                Samples.nastyText(40).injectNull(0.5),
                unsignedPairs())
                .as((sid, status, error, raw) -> new TwilioPost(form("MessageSid", sid, "MessageStatus", status, "ErrorCode", error), raw, true));
        Samples.forAll(callbacks, 60, "twilio status callback", post -> assertAnsweredWithoutServerError(send(STATUS, post)));
    }

    @Test
    void operators_and_markup_are_stored_as_the_plain_text_sent() {
        Samples.forAll(Samples.operators().filter(s -> !s.isEmpty()), 20, "twilio operators as text", text -> {
            String sid = freshSid();
            TwilioPost post = new TwilioPost(form("MessageSid", sid, "From", freshPhone(), "To", SMS_FROM, "Body", text), "", true);
            assertThat(send(INBOUND, post).statusCode()).isEqualTo(200);
            Document stored = mongo.findOne(Query.query(Criteria.where("providerMessageId").is(sid)), Document.class, "inbound_messages");
            assertThat(stored).isNotNull();
            assertThat(stored.get("text")).as("a string, not a query or a sub-document").isInstanceOf(String.class);
            assertThat(inboundMessages.byId(InboundMessages.idOf(Channel.SMS, sid)).orElseThrow().inbound().text()).isEqualTo(text);
        });
    }

    static Arbitrary<TwilioPost> incomingForms() {
        Arbitrary<String> sid = Arbitraries.frequencyOf(
                Tuple.of(7, Arbitraries.create(TwilioBadInputProperties::freshSid)),
                Tuple.of(1, Arbitraries.just((String) null)),
                Tuple.of(1, Samples.nastyText(80)),
                Tuple.of(1, Arbitraries.of("SM" + "0".repeat(31), "sm" + "a".repeat(32), "SM" + "g".repeat(32), "$gt", "{\"$ne\":null}")));
        Arbitrary<String> from = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.create(TwilioBadInputProperties::freshPhone)),
                Tuple.of(2, Arbitraries.create(() -> "whatsapp:" + freshPhone())),
                Tuple.of(2, Arbitraries.of("whatsapp:", "whatsapp:+", "WhatsApp:+33611223344", "whatsapp:whatsapp:+33611223344",
                        " +33611223345 ", "+0123456", "+33 6 11 22 33 44", "whatsapp: +33611223346", "messenger:+33611223347",
                        "+3361122334455667788", "$gt", "{\"$ne\":null}", "")),
                Tuple.of(1, Samples.nastyText(60)),
                Tuple.of(1, Arbitraries.just((String) null)));
        Arbitrary<String> body = Samples.nastyText(4000).injectNull(0.15);
        Arbitrary<Map<String, String>> tap = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(Map.<String, String>of())),
                Tuple.of(1, Combinators.combine(Samples.nastyText(80), Samples.nastyText(80))
                        .as((id, label) -> form("ButtonPayload", id, "ButtonText", label))),
                Tuple.of(1, Combinators.combine(Samples.nastyText(80), Samples.nastyText(80))
                        .as((id, label) -> form("ListId", id, "ListTitle", label))));
        Arbitrary<Map<String, String>> extra = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Map.<String, String>of())),
                Tuple.of(1, Combinators.combine(Samples.nastyText(20).filter(n -> !n.isEmpty()), Samples.nastyText(200))
                        .as((name, value) -> form(name, value))));
        return Combinators.combine(sid, from, body, tap, extra, unsignedPairs(), Arbitraries.of(true, true, true, true, true, true, true, true, true, false))
                .as((s, f, b, t, e, raw, good) -> {
                    Map<String, String> signed = new LinkedHashMap<>(e);
                    signed.putAll(form("MessageSid", s, "AccountSid", ACCOUNT_SID, "From", f, "To", SMS_FROM, "Body", b, "NumMedia", "0"));
                    signed.putAll(t);
                    return new TwilioPost(signed, raw, good);
                });
    }

    /** Pairs the signature does not cover: duplicated parameters (the first value counts) and malformed encodings. */
    static Arbitrary<String> unsignedPairs() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("&Body=duplicate", "&MessageSid=SM" + "f".repeat(32), "&From=%2B33600000000",
                        "&Body=%E0%A4%A", "&%zz=1", "&Body=%", "&=", "&&&", "&Body=%F0%9F", "&Body=%C0%AF", "&Body=a+b%2Bc",
                        "&Body=%00", "&Body[$ne]=1", "&From[$gt]=")));
    }

    HttpResponse<String> send(String path, TwilioPost post) {
        String signature = post.goodSignature()
                ? TwilioForms.sign(AUTH_TOKEN, PUBLIC_BASE_URL + path, post.signed())
                : TwilioForms.sign("not-the-auth-token", PUBLIC_BASE_URL + path, post.signed());
        return send(HttpRequest.newBuilder(URI.create(local(path))).timeout(WAIT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(TwilioForms.encode(post.signed()) + post.unsignedPairs())).build());
    }

    static void assertAnsweredWithoutServerError(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as("answered " + answer.statusCode() + ": " + answer.body()).isBetween(200, 499);
        if (answer.statusCode() >= 400) {
            assertThat(answer.body()).as("a refusal says why").isNotBlank();
        }
    }

    long storedWithSid(String sid) {
        return mongo.count(Query.query(Criteria.where("providerMessageId").is(sid)), "inbound_messages");
    }

    static String freshPhone() {
        return "+336" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A form from name/value pairs, leaving out the null values (a missing parameter). */
    static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                form.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return form;
    }

    /** A Twilio message SID never used before. */
    static String freshSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }
}
