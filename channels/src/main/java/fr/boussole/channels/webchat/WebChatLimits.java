package fr.boussole.channels.webchat;

import fr.boussole.core.settings.InvalidSettingException;

import fr.boussole.channels.limit.RateLimiter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * How many messages the web chat takes from one session and from one client address per window, counted
 * by the instances together in the store ({@link RateLimiter}, keys kept as lookup hashes). Anyone may
 * call the endpoint: without a limit one script could fill the store and keep the workers busy for
 * everyone (120 simultaneous messages of one session were all accepted). A message over a limit gets
 * 429 with {@code Retry-After} (the seconds to the next window) and is not recorded.
 */
@Component
@EnableConfigurationProperties(WebChatLimits.Settings.class)
class WebChatLimits {

    /**
     * @param messagesPerSession messages one session may send per window (a young person types far fewer)
     * @param messagesPerAddress messages one client address may send per window, all sessions together
     *                           (higher: a school or a youth centre may share one address)
     * @param limitWindow        the window
     */
    @ConfigurationProperties("boussole.channels.web-chat")
    record Settings(@DefaultValue("30") int messagesPerSession, @DefaultValue("300") int messagesPerAddress,
                    @DefaultValue("1m") Duration limitWindow) {
        Settings {
            if (messagesPerSession < 1) {
                throw InvalidSettingException.ofProperty("boussole.channels.web-chat.messages-per-session", "at least 1");
            }
            if (messagesPerAddress < 1) {
                throw InvalidSettingException.ofProperty("boussole.channels.web-chat.messages-per-address", "at least 1");
            }
            if (limitWindow.toMillis() < 1000) {
                throw InvalidSettingException.ofProperty("boussole.channels.web-chat.limit-window", "at least one second");
            }
        }
    }

    private final RateLimiter limiter;
    private final Settings settings;

    WebChatLimits(RateLimiter limiter, Settings settings) {
        this.limiter = limiter;
        this.settings = settings;
    }

    /** Counts one message of this session from this address; throws a 429 when either is over its limit. */
    void take(String sessionId, String address) {
        // the session first: a session flooding on its own does not use up what others behind its address may send
        Optional<Duration> wait = limiter.acquire("web-session:" + sessionId, settings.messagesPerSession(), settings.limitWindow());
        if (wait.isEmpty()) {
            wait = limiter.acquire("web-address:" + address, settings.messagesPerAddress(), settings.limitWindow());
        }
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new ChatRejected(HttpStatus.TOO_MANY_REQUESTS, "chat.error.too-many", Duration.ofSeconds(seconds));
        }
    }
}
