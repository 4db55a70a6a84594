package fr.boussole.channels.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.boussole.core.settings.InvalidSettingException;
import java.net.URI;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Turns Telegram on when a bot token is set, after checking the settings that go with it. */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramConfigured.class)
@EnableConfigurationProperties(TelegramProperties.class)
class TelegramConfiguration {

    private static final Pattern TOKEN = Pattern.compile("[0-9]+:[A-Za-z0-9_-]+");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    @Bean
    TelegramClient telegramClient(TelegramProperties properties) {
        check(properties);
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(properties.requestTimeout())
                .readTimeout(properties.requestTimeout())
                .writeTimeout(properties.requestTimeout())
                // bounds the whole call too, so a provider that trickles its answer cannot hold a sender thread
                .callTimeout(properties.requestTimeout().multipliedBy(2))
                .build();
        return new OkHttpTelegramClient(http, properties.botToken(), telegramUrl(properties.apiBaseUrl()));
    }

    /** Telegram's own types are Jackson 2 objects: Boot's Jackson 3 mapper cannot bind them. */
    @Bean
    TelegramJson telegramJson() {
        return new TelegramJson(new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }

    static TelegramUrl telegramUrl(URI base) {
        int port = base.getPort() != -1 ? base.getPort() : base.getScheme().equals("https") ? 443 : 80;
        return new TelegramUrl(base.getScheme(), base.getHost(), port, false);
    }

    static void check(TelegramProperties p) {
        if (!TOKEN.matcher(p.botToken().strip()).matches()) {
            throw new InvalidSettingException("TELEGRAM_BOT_TOKEN", "is not a bot token as BotFather gives it (digits:letters)");
        }
        if (!p.mode().equals("webhook") && !p.mode().equals("polling")) {
            throw new InvalidSettingException("TELEGRAM_MODE", "must be webhook or polling, not " + p.mode());
        }
        if (!p.polling() && (p.webhookSecret() == null || p.webhookSecret().isBlank())) {
            throw new InvalidSettingException("TELEGRAM_WEBHOOK_SECRET", "required in webhook mode (1-256 characters A-Z a-z 0-9 _ -)");
        }
        if (p.webhookSecret() != null && !p.webhookSecret().isBlank() && !SECRET.matcher(p.webhookSecret()).matches()) {
            throw new InvalidSettingException("TELEGRAM_WEBHOOK_SECRET", "must be 1-256 characters among A-Z a-z 0-9 _ -");
        }
        URI base = p.apiBaseUrl();
        if (base.getScheme() == null || base.getHost() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https"))) {
            throw new InvalidSettingException("TELEGRAM_API_BASE_URL", "must be an absolute http(s) URL such as https://api.telegram.org");
        }
        if (p.messagesPerSecond() < 1) {
            throw InvalidSettingException.ofProperty("boussole.channels.telegram.messages-per-second", "must be at least 1");
        }
        if (p.messagesPerChatPerSecond() < 1) {
            throw InvalidSettingException.ofProperty("boussole.channels.telegram.messages-per-chat-per-second", "must be at least 1");
        }
    }
}
