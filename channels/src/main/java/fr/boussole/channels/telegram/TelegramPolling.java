package fr.boussole.channels.telegram;

import fr.boussole.core.message.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Long polling (TELEGRAM_MODE=polling), for a machine Telegram cannot reach: getUpdates in a loop, each
 * update handed to the same inbox as the webhook's. The library moves its offset on once the consumer
 * returns, so an update is held (and retried) here until the inbox has recorded it.
 */
@Component
@Conditional(TelegramConfigured.class)
class TelegramPolling implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final TelegramUpdates updates;
    private final TelegramClient telegram;
    private final TelegramProperties properties;
    private TelegramBotsLongPollingApplication application;
    private volatile boolean running;

    TelegramPolling(TelegramUpdates updates, TelegramClient telegram, TelegramProperties properties) {
        this.updates = updates;
        this.telegram = telegram;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() throws TelegramApiException {
        if (!properties.polling()) {
            return;
        }
        // getUpdates is refused while a webhook is set.
        telegram.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
        running = true;
        application = new TelegramBotsLongPollingApplication();
        application.registerBot(properties.botToken(), () -> TelegramConfiguration.telegramUrl(properties.apiBaseUrl()),
                offset -> GetUpdates.builder().offset(offset).timeout(50).allowedUpdates(List.of("message", "callback_query")).build(),
                (LongPollingUpdateConsumer) this::consume);
        log.info("Telegram long polling started");
    }

    // Not the consumer itself: the library closes a consumer that is AutoCloseable when it closes.
    void consume(List<Update> batch) {
        for (Update update : batch) {
            Duration wait = Duration.ofSeconds(1);
            while (running) {
                try {
                    updates.handle(update);
                    break;
                } catch (StoreUnavailableException e) {
                    log.warn("Telegram update {} not recorded yet, retrying in {}", update.getUpdateId(), wait);
                    try {
                        Thread.sleep(wait);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
                } catch (RuntimeException e) {
                    log.error("Telegram update {} skipped: {}", update.getUpdateId(), e.toString());
                    break;
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        TelegramBotsLongPollingApplication closing = application;
        application = null;
        if (closing != null) {
            closing.close();
        }
    }
}
