package fr.boussole.channels.telegram;

import fr.boussole.core.ids.Ids;
import java.nio.charset.StandardCharsets;
import org.bson.Document;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Telegram's callback data holds at most 64 bytes. A choice id that fits goes as it is ("c" + id); a
 * longer one goes as the hash of the id ("h" + hash), kept in MongoDB to be read back by any instance.
 */
@Component
@Conditional(TelegramConfigured.class)
class CallbackData {

    static final int MAX_BYTES = 64;
    static final String COLLECTION = "telegram_callback_choices";

    private final MongoTemplate mongo;

    CallbackData(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    String encode(String choiceId) {
        String inline = "c" + choiceId;
        if (inline.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return inline;
        }
        String hash = Ids.derived("h", choiceId);
        mongo.save(new Document("_id", hash).append("choiceId", choiceId), COLLECTION);
        return hash.replaceFirst("^h_", "h");
    }

    /** The choice id, or null when the data is not ours (or its long form was never stored). */
    String decode(String data) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        if (data.charAt(0) == 'c' && data.length() > 1) {
            return data.substring(1);
        }
        if (data.charAt(0) == 'h') {
            Document doc = mongo.findById("h_" + data.substring(1), Document.class, COLLECTION);
            return doc == null ? null : doc.getString("choiceId");
        }
        return null;
    }
}
