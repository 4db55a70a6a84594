package fr.boussole.channels.telegram;

import fr.boussole.core.message.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Telegram's webhook: updates are taken only with the secret given to setWebhook. */
@RestController
@Conditional(TelegramConfigured.class)
class TelegramWebhookController {

    static final String PATH = "/webhooks/telegram";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

    private final TelegramUpdates updates;
    private final TelegramJson json;
    private final byte[] secret;

    TelegramWebhookController(TelegramUpdates updates, TelegramJson json, TelegramProperties properties) {
        this.updates = updates;
        this.json = json;
        this.secret = properties.webhookSecret() == null ? null : properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(path = PATH)
    ResponseEntity<String> update(@RequestHeader(name = SECRET_HEADER, required = false) String given,
                                  @RequestBody(required = false) String body) {
        if (secret == null || given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            log.warn("Telegram webhook refused: missing or wrong secret token");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("invalid secret token");
        }
        Update update;
        try {
            update = body == null ? null : json.update(body);
        } catch (java.io.IOException e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("not a Telegram update");
        }
        if (update == null) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("empty body");
        }
        try {
            TelegramUpdates.Outcome outcome = updates.handle(update);
            log.debug("Telegram update {} {}", update.getUpdateId(), outcome);
        } catch (StoreUnavailableException | org.springframework.dao.DataAccessException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN).body("store unavailable, retry later");
        }
        return ResponseEntity.ok().build();
    }
}
