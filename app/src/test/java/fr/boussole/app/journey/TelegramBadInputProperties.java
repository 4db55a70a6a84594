package fr.boussole.app.journey;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.core.message.Channel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of Telegram's webhook on the running application over HTTP, with the right secret so that
 * every body reaches the parser: malformed JSON, wrong types, missing fields, huge ids, edited messages,
 * stickers, photos, group and supergroup chats, channel posts, forged or oversized callback data and
 * unknown update kinds all get 2xx or 4xx with a body, never 5xx. What the bot ignores is not stored, a
 * private text is stored once with its text as sent, and a replayed update changes nothing. Fails when
 * the update reader or {@code TelegramUpdates} throws, or when an ignored kind reaches the inbox.
 */
class TelegramBadInputProperties extends RunningBot {

    static final AtomicLong UPDATE_IDS = new AtomicLong(930_000_000L);
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    enum Expect { STORED, NOT_STORED, AT_MOST_ONCE }

    /** One webhook body; {@code text} is what a stored message must hold (null: not checked). */
    record TelegramPost(long updateId, String body, Expect expect, String text) {}

    @Test
    void any_update_gets_2xx_or_4xx_and_only_private_texts_are_stored() {
        Samples.forAll(updates(), 100, "telegram update", post -> {
            HttpResponse<String> answer = postJson("/webhooks/telegram", post.body(), "X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET);
            TwilioBadInputProperties.assertAnsweredWithoutServerError(answer);
            long stored = stored(post.updateId());
            switch (post.expect()) {
                case STORED -> {
                    assertThat(answer.statusCode()).isEqualTo(200);
                    assertThat(stored).as("a private text is stored once").isEqualTo(1);
                    if (post.text() != null) {
                        assertThat(inboundMessages.byId(InboundMessages.idOf(Channel.TELEGRAM, Long.toString(post.updateId())))
                                .orElseThrow().inbound().text()).isEqualTo(post.text());
                    }
                }
                case NOT_STORED -> assertThat(stored).as("an ignored or refused update is not stored").isZero();
                case AT_MOST_ONCE -> assertThat(stored).isLessThanOrEqualTo(1);
            }
            HttpResponse<String> replay = postJson("/webhooks/telegram", post.body(), "X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET);
            assertThat(replay.statusCode()).as("a replay").isEqualTo(answer.statusCode());
            assertThat(stored(post.updateId())).as("a replay stores nothing more").isEqualTo(stored);
        });
    }

    static Arbitrary<TelegramPost> updates() {
        Arbitrary<Long> ids = Arbitraries.create(UPDATE_IDS::incrementAndGet);
        Arbitrary<Long> privateChat = Arbitraries.longs().between(1, 9_999_999_999L);
        Arbitrary<String> text = Samples.nastyText(4096);
        return Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(ids, privateChat, text).as((id, chat, t) -> {
                    ObjectNode update = update(id, "message", TelegramPayloads.message(chat, "private").put("text", t));
                    boolean taken = !t.isEmpty() && !t.startsWith("/start");
                    return new TelegramPost(id, update.toString(), taken ? Expect.STORED : Expect.AT_MOST_ONCE, taken ? Samples.asSent(t) : null);
                })),
                Tuple.of(3, Combinators.combine(ids, privateChat, text, Arbitraries.of(Ignored.values()))
                        .as((id, chat, t, kind) -> new TelegramPost(id, kind.update(id, chat, t).toString(), Expect.NOT_STORED, null))),
                Tuple.of(2, Combinators.combine(ids, privateChat, callbackData(), Arbitraries.of(true, false)).as((id, chat, data, withKeyboard) -> {
                    ObjectNode message = TelegramPayloads.message(chat, "private").put("text", "Quel thème ?");
                    message.set("from", TelegramPayloads.user(1).put("is_bot", true));
                    if (withKeyboard) {
                        ArrayNode row = NODES.arrayNode().add(NODES.objectNode().put("text", "Emploi").put("callback_data", data));
                        message.putObject("reply_markup").putArray("inline_keyboard").add(row);
                    }
                    ObjectNode query = NODES.objectNode().put("id", "cb" + id).put("chat_instance", "1").put("data", data);
                    query.set("from", TelegramPayloads.user(chat));
                    query.set("message", message);
                    return new TelegramPost(id, update(id, "callback_query", query).toString(), Expect.AT_MOST_ONCE, null);
                })),
                Tuple.of(3, Combinators.combine(ids, privateChat, text, Arbitraries.of(Broken.values()))
                        .as((id, chat, t, broken) -> new TelegramPost(id, broken.body(id, chat, t), Expect.NOT_STORED, null))));
    }

    static Arbitrary<String> callbackData() {
        return Arbitraries.oneOf(Samples.nastyText(300), Samples.nastyText(100).map(d -> "c" + d), Samples.nastyText(100).map(d -> "h" + d),
                Arbitraries.of("h", "c", "h_", "h{\"$ne\":null}", "c$where", "cemploi", "c" + "x".repeat(5000)));
    }

    /** Updates the bot must take in and ignore. */
    enum Ignored {
        EDITED, STICKER, PHOTO, GROUP, SUPERGROUP, CHANNEL_POST, UNKNOWN_KIND, SOMEONE_ELSES_CONTACT, FROM_MISSING;

        ObjectNode update(long id, long chat, String text) {
            ObjectNode message = TelegramPayloads.message(chat, "private");
            return switch (this) {
                case EDITED -> TelegramBadInputProperties.update(id, "edited_message", message.put("text", text).put("edit_date", 1795428000));
                case STICKER -> {
                    message.putObject("sticker").put("file_id", "CAAC").put("file_unique_id", "u").put("type", "regular")
                            .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false).put("emoji", "😀");
                    yield TelegramBadInputProperties.update(id, "message", message);
                }
                case PHOTO -> {
                    message.putArray("photo").add(NODES.objectNode().put("file_id", "AgAC").put("file_unique_id", "p")
                            .put("width", 90).put("height", 90));
                    yield TelegramBadInputProperties.update(id, "message", message.put("caption", text));
                }
                case GROUP -> TelegramBadInputProperties.update(id, "message", TelegramPayloads.message(-chat, "group").put("text", text));
                case SUPERGROUP -> TelegramBadInputProperties.update(id, "message",
                        TelegramPayloads.message(-1_000_000_000_000L - chat, "supergroup").put("text", text));
                case CHANNEL_POST -> {
                    ObjectNode post = TelegramPayloads.message(-1_000_000_000_000L - chat, "channel").put("text", text);
                    post.remove("from");
                    yield TelegramBadInputProperties.update(id, "channel_post", post);
                }
                case UNKNOWN_KIND -> TelegramBadInputProperties.update(id, "message_reaction_of_the_future", NODES.objectNode().put("text", text));
                case SOMEONE_ELSES_CONTACT -> {
                    message.putObject("contact").put("phone_number", "+33612345678").put("first_name", "Autre").put("user_id", chat + 1);
                    yield TelegramBadInputProperties.update(id, "message", message);
                }
                case FROM_MISSING -> {
                    message.remove("from");
                    yield TelegramBadInputProperties.update(id, "message", message.put("text", text));
                }
            };
        }
    }

    /** Bodies that are not updates the bot can read: malformed JSON, wrong types, missing or huge ids. */
    enum Broken {
        TRUNCATED, NOT_JSON, EMPTY_OBJECT, ARRAY, JSON_NULL, NO_UPDATE_ID, ID_AS_TEXT, ID_BEYOND_LONG, ID_AS_OBJECT,
        MESSAGE_AS_ARRAY, CHAT_ID_AS_TEXT, CHAT_ID_BEYOND_LONG, TEXT_AS_OPERATOR, DATE_AS_TEXT, TRAILING_GARBAGE, DEEP_NESTING;

        String body(long id, long chat, String text) {
            String valid = TelegramPayloads.text(id, chat, text);
            return switch (this) {
                case TRUNCATED -> valid.substring(0, valid.length() / 2);
                case NOT_JSON -> text.isEmpty() ? "x" : text;
                case EMPTY_OBJECT -> "{}";
                case ARRAY -> "[" + valid + "]";
                case JSON_NULL -> "null";
                case NO_UPDATE_ID -> valid.replace("\"update_id\":" + id + ",", "");
                case ID_AS_TEXT -> valid.replace("\"update_id\":" + id, "\"update_id\":\"" + id + "x\"");
                case ID_BEYOND_LONG -> valid.replace("\"update_id\":" + id, "\"update_id\":99999999999999999999" + id);
                case ID_AS_OBJECT -> valid.replace("\"update_id\":" + id, "\"update_id\":{\"$gt\":0}");
                case MESSAGE_AS_ARRAY -> "{\"update_id\":" + id + ",\"message\":[1,2,3]}";
                case CHAT_ID_AS_TEXT -> valid.replace("\"id\":" + chat + ",\"type\"", "\"id\":\"{\\\"$ne\\\":null}\",\"type\"");
                case CHAT_ID_BEYOND_LONG -> valid.replace("\"id\":" + chat + ",\"type\"", "\"id\":1" + "0".repeat(30) + ",\"type\"");
                case TEXT_AS_OPERATOR -> "{\"update_id\":" + id + ",\"message\":{\"message_id\":1,\"date\":1,\"from\":{\"id\":" + chat
                        + ",\"is_bot\":false,\"first_name\":\"T\"},\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"text\":{\"$ne\":null}}}";
                case DATE_AS_TEXT -> valid.replace("\"date\":1795427990", "\"date\":\"hier\"");
                case TRAILING_GARBAGE -> valid + "}{";
                case DEEP_NESTING -> "{\"update_id\":" + id + ",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
            };
        }
    }

    static ObjectNode update(long id, String kind, ObjectNode content) {
        ObjectNode update = NODES.objectNode().put("update_id", id);
        update.set(kind, content);
        return update;
    }

    long stored(long updateId) {
        return mongo.count(Query.query(Criteria.where("channel").is(Channel.TELEGRAM.id())
                .and("providerMessageId").is(Long.toString(updateId))), "inbound_messages");
    }
}
