package fr.boussole.app.journey;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Telegram updates as the Bot API posts them, built as JSON trees so that any text is escaped right. */
final class TelegramPayloads {

    private TelegramPayloads() {}

    static ObjectNode user(long id) {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("is_bot", false).put("first_name", "Tom");
    }

    static ObjectNode chat(long id, String type) {
        ObjectNode chat = JsonNodeFactory.instance.objectNode().put("id", id).put("type", type);
        return "private".equals(type) ? chat.put("first_name", "Tom") : chat.put("title", "Groupe");
    }

    static ObjectNode message(long chatId, String chatType) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("message_id", 1).put("date", 1795427990);
        message.set("from", user(Math.abs(chatId)));
        message.set("chat", chat(chatId, chatType));
        return message;
    }

    /** A private text message: the update the bot takes. */
    static String text(long updateId, long chatId, String text) {
        ObjectNode update = JsonNodeFactory.instance.objectNode().put("update_id", updateId);
        update.set("message", message(chatId, "private").put("text", text));
        return update.toString();
    }
}
