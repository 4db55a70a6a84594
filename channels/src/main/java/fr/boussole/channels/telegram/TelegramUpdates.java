package fr.boussole.channels.telegram;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.Inbox;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Contact;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * What to make of a Telegram update, whether it came by webhook or long polling: private-chat texts,
 * /start, own phone numbers shared with the contact button and inline keyboard taps go to the inbox;
 * everything else (edits, stickers, groups, channels, someone else's contact) is ignored. The time
 * received is our clock's: a callback's message date is when the question was sent, not tapped.
 */
@Component
@Conditional(TelegramConfigured.class)
class TelegramUpdates {

    enum Outcome { ACCEPTED, DUPLICATE, IGNORED }

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);

    private final Inbox inbox;
    private final CallbackData callbackData;
    private final TelegramClient telegram;
    private final Clock clock;
    private final String startText;

    TelegramUpdates(Inbox inbox, CallbackData callbackData, TelegramClient telegram, Clock clock) {
        this.inbox = inbox;
        this.callbackData = callbackData;
        this.telegram = telegram;
        this.clock = clock;
        this.startText = ResourceBundle.getBundle("fr.boussole.channels.messages", Locale.FRENCH).getString("telegram.start.text");
    }

    /** @throws fr.boussole.core.message.StoreUnavailableException when the inbox cannot record it */
    Outcome handle(Update update) {
        Optional<Inbound> inbound = toInbound(update);
        if (inbound.isEmpty()) {
            return Outcome.IGNORED;
        }
        Inbox.Acceptance acceptance = inbox.accept(inbound.get());
        if (acceptance == Inbox.Acceptance.ACCEPTED && update.hasCallbackQuery()) {
            acknowledge(update.getCallbackQuery());
        }
        return acceptance == Inbox.Acceptance.ACCEPTED ? Outcome.ACCEPTED : Outcome.DUPLICATE;
    }

    Optional<Inbound> toInbound(Update update) {
        if (update.getUpdateId() == null) {
            return Optional.empty();
        }
        String id = String.valueOf(update.getUpdateId());
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            MaybeInaccessibleMessage message = query.getMessage();
            if (message == null || message.getChat() == null || !Boolean.TRUE.equals(message.getChat().isUserChat())) {
                return Optional.empty();
            }
            String choiceId = callbackData.decode(query.getData());
            if (choiceId == null) {
                return Optional.empty();
            }
            return Optional.of(Inbound.choice(id, key(message.getChatId()), choiceId, labelOf(message, query.getData()), clock.instant()));
        }
        if (!update.hasMessage()) {
            return Optional.empty(); // edited messages, channel posts, polls, member updates...
        }
        Message message = update.getMessage();
        if (message.getChat() == null || !Boolean.TRUE.equals(message.getChat().isUserChat()) || message.getFrom() == null) {
            return Optional.empty();
        }
        ConversationKey key = key(message.getChatId());
        if (message.hasContact()) {
            Contact contact = message.getContact();
            if (contact.getUserId() == null || !contact.getUserId().equals(message.getFrom().getId())) {
                return Optional.empty(); // only the young person's own number, as Telegram vouches for it
            }
            return Optional.of(new Inbound(id, key, "", null, e164(contact.getPhoneNumber()), clock.instant()));
        }
        if (!message.hasText()) {
            return Optional.empty(); // stickers, photos, voice...
        }
        String text = message.getText();
        if (text.equals("/start") || text.startsWith("/start ") || text.startsWith("/start@")) {
            text = startText;
        }
        return Optional.of(Inbound.text(id, key, text, clock.instant()));
    }

    /** Stops the client's spinner and removes the keyboard, so an old question cannot be answered twice. */
    private void acknowledge(CallbackQuery query) {
        try {
            telegram.execute(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).build());
            MaybeInaccessibleMessage message = query.getMessage();
            telegram.execute(EditMessageReplyMarkup.builder().chatId(message.getChatId()).messageId(message.getMessageId())
                    .replyMarkup(InlineKeyboardMarkup.builder().keyboard(java.util.List.of()).build()).build());
        } catch (TelegramApiException e) {
            log.warn("Telegram callback {} acknowledged late: {}", query.getId(), e.getMessage());
        }
    }

    private static String labelOf(MaybeInaccessibleMessage message, String data) {
        if (message instanceof Message full && full.getReplyMarkup() != null && full.getReplyMarkup().getKeyboard() != null) {
            return full.getReplyMarkup().getKeyboard().stream().flatMap(java.util.Collection::stream)
                    .filter(b -> data.equals(b.getCallbackData())).map(b -> b.getText()).findFirst().orElse("");
        }
        return "";
    }

    private static ConversationKey key(Long chatId) {
        return new ConversationKey(Channel.TELEGRAM, String.valueOf(chatId));
    }

    private static String e164(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : "+" + digits;
    }
}
