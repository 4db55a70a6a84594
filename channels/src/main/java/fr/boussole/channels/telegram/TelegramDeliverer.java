package fr.boussole.channels.telegram;

import fr.boussole.channels.parts.SendLoop;
import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.OutboundMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Delivers bot messages on Telegram: choices as an inline keyboard, or, when the bot asks for a phone
 * number, a reply keyboard whose first button shares the young person's own number. Texts beyond
 * Telegram's 4,096 characters go as several messages, the keyboard on the last.
 */
@Component
@Conditional(TelegramConfigured.class)
class TelegramDeliverer implements Deliverer {

    static final int MAX_TEXT = 4096;
    static final Duration DEFAULT_RETRY = Duration.ofSeconds(30);
    static final Duration TOKEN_RETRY = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(TelegramDeliverer.class);

    private final TelegramClient telegram;
    private final CallbackData callbackData;
    private final SendLoop loop;
    private final TelegramProperties properties;
    private final String contactButton;

    TelegramDeliverer(TelegramClient telegram, CallbackData callbackData, SendLoop loop, TelegramProperties properties) {
        this.telegram = telegram;
        this.callbackData = callbackData;
        this.loop = loop;
        this.properties = properties;
        this.contactButton = ResourceBundle.getBundle("fr.boussole.channels.messages", Locale.FRENCH).getString("telegram.contact.button");
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        if (!(delivery.payload() instanceof DeliveryPayload.Chat chat)) {
            return new DeliveryResult.Failed("the Telegram channel carries chat messages only");
        }
        OutboundMessage message = chat.message();
        List<String> texts = split(message.text().isBlank() ? "…" : message.text());
        List<SendLoop.Limit> limits = List.of(
                new SendLoop.Limit("telegram:chat:" + delivery.recipient(), properties.messagesPerChatPerSecond(), "Telegram rate limit"),
                new SendLoop.Limit("telegram:bot", properties.messagesPerSecond(), "Telegram rate limit"));
        return loop.send(delivery, texts, limits, (text, last) -> {
            SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder().chatId(delivery.recipient()).text(text);
            if (last) {
                keyboard(message).ifPresent(send::replyMarkup);
            }
            try {
                Message sent = telegram.execute(send.build());
                return new DeliveryResult.Sent(String.valueOf(sent.getMessageId()));
            } catch (TelegramApiRequestException e) {
                return ofRefusal(e);
            } catch (TelegramApiException e) {
                // no word from Telegram on when to come back: the outbox's own backoff decides
                return new DeliveryResult.Retry("Telegram unreachable: " + e.getClass().getSimpleName(), null);
            }
        });
    }

    private Optional<ReplyKeyboard> keyboard(OutboundMessage message) {
        List<Choice> choices = message.choices();
        if (message.asksForPhone()) {
            List<KeyboardRow> rows = new ArrayList<>();
            rows.add(new KeyboardRow(List.of(KeyboardButton.builder().text(contactButton).requestContact(true).build())));
            choices.forEach(c -> rows.add(new KeyboardRow(List.of(KeyboardButton.builder().text(c.label()).build()))));
            return Optional.of(ReplyKeyboardMarkup.builder().keyboard(rows).oneTimeKeyboard(true).resizeKeyboard(true).build());
        }
        if (choices.isEmpty()) {
            return Optional.empty();
        }
        List<InlineKeyboardRow> rows = choices.stream()
                .map(c -> new InlineKeyboardRow(List.of(InlineKeyboardButton.builder().text(c.label())
                        .callbackData(callbackData.encode(c.id())).build())))
                .toList();
        return Optional.of(InlineKeyboardMarkup.builder().keyboard(rows).build());
    }

    static DeliveryResult ofRefusal(TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String reason = "Telegram " + code + ": " + e.getApiResponse();
        if (code == 429) {
            Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            return new DeliveryResult.Retry(reason, after == null ? DEFAULT_RETRY : Duration.ofSeconds(after));
        }
        if (code == 403) {
            return new DeliveryResult.RecipientGone(reason); // blocked by the user, user deactivated...
        }
        if (code == 401) {
            log.error("TELEGRAM TOKEN REFUSED (401): check TELEGRAM_BOT_TOKEN; deliveries wait {}", TOKEN_RETRY);
            return new DeliveryResult.Retry(reason, TOKEN_RETRY);
        }
        if (code >= 500 || code == 0) {
            return new DeliveryResult.Retry(reason, null); // the outbox's backoff decides
        }
        return new DeliveryResult.Failed(reason);
    }

    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > MAX_TEXT) {
            int cut = rest.lastIndexOf('\n', MAX_TEXT);
            if (cut < MAX_TEXT / 2) {
                cut = rest.lastIndexOf(". ", MAX_TEXT - 1) + 1;
            }
            if (cut < MAX_TEXT / 2) {
                cut = rest.lastIndexOf(' ', MAX_TEXT);
            }
            if (cut < MAX_TEXT / 2) {
                cut = Character.isHighSurrogate(rest.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        parts.add(rest);
        return parts;
    }
}
