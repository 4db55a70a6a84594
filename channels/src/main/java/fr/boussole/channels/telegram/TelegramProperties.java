package fr.boussole.channels.telegram;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Telegram settings ({@code boussole.channels.telegram.*}: the contract's TELEGRAM_* variables, mapped in application.yml). */
@ConfigurationProperties("boussole.channels.telegram")
public record TelegramProperties(String botToken, String webhookSecret, String mode, URI apiBaseUrl,
                                 Duration requestTimeout, Integer messagesPerSecond, Integer messagesPerChatPerSecond) {

    public TelegramProperties {
        mode = mode == null || mode.isBlank() ? "webhook" : mode.strip().toLowerCase(java.util.Locale.ROOT);
        apiBaseUrl = apiBaseUrl == null ? URI.create("https://api.telegram.org") : apiBaseUrl;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        messagesPerSecond = messagesPerSecond == null ? 30 : messagesPerSecond;
        messagesPerChatPerSecond = messagesPerChatPerSecond == null ? 1 : messagesPerChatPerSecond;
    }

    boolean polling() {
        return mode.equals("polling");
    }
}
