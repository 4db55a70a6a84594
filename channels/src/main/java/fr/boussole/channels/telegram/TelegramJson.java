package fr.boussole.channels.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Reads Telegram updates with the Jackson 2 mapper their types are annotated for. */
record TelegramJson(ObjectMapper mapper) {

    /** Strict about the document itself: text after the update ({@code {...}}{) is refused, not ignored. */
    Update update(String body) throws java.io.IOException {
        return mapper.readerFor(Update.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(body);
    }
}
