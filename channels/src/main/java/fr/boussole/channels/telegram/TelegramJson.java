package fr.boussole.channels.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Reads Telegram updates with the Jackson 2 mapper their types are annotated for. */
record TelegramJson(ObjectMapper mapper) {

    Update update(String body) throws java.io.IOException {
        return mapper.readValue(body, Update.class);
    }
}
