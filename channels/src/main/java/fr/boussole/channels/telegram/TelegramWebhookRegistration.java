package fr.boussole.channels.telegram;

import fr.boussole.core.settings.PublicBaseUrl;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * In webhook mode, tells Telegram at start-up where to post updates (PUBLIC_BASE_URL/webhooks/telegram)
 * and which secret to send with them. A refusal is logged loudly but does not stop the application:
 * the other channels work on, and the next start tries again.
 */
@Component
@Conditional(TelegramConfigured.class)
class TelegramWebhookRegistration {

    private static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookRegistration.class);

    private final TelegramClient telegram;
    private final TelegramProperties properties;
    private final PublicBaseUrl publicBaseUrl;

    TelegramWebhookRegistration(TelegramClient telegram, TelegramProperties properties, PublicBaseUrl publicBaseUrl) {
        this.telegram = telegram;
        this.properties = properties;
        this.publicBaseUrl = publicBaseUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        if (properties.polling()) {
            return;
        }
        String url = publicBaseUrl.of(TelegramWebhookController.PATH);
        SetWebhook setWebhook = SetWebhook.builder().url(url).secretToken(properties.webhookSecret())
                .allowedUpdates(List.of("message", "callback_query")).build();
        for (int attempt = 1; ; attempt++) {
            try {
                telegram.execute(setWebhook);
                log.info("Telegram webhook registered at {}", url);
                return;
            } catch (TelegramApiRequestException e) {
                log.error("TELEGRAM WEBHOOK REFUSED at {} ({}): Telegram needs a public https PUBLIC_BASE_URL; "
                        + "fix it or set TELEGRAM_MODE=polling", url, e.getMessage());
                return;
            } catch (TelegramApiException e) {
                if (attempt == ATTEMPTS) {
                    log.error("TELEGRAM WEBHOOK NOT REGISTERED at {}: Telegram unreachable ({}); the next start tries again",
                            url, e.getCause() == null ? e.getMessage() : e.getCause().toString());
                    return;
                }
                sleep(attempt);
            }
        }
    }

    private static void sleep(int attempt) {
        try {
            Thread.sleep(Duration.ofSeconds(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
