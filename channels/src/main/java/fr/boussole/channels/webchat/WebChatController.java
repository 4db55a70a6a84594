package fr.boussole.channels.webchat;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.Inbox;
import fr.boussole.core.message.ReplyWait;
import fr.boussole.core.message.StoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.regex.Pattern;

/**
 * {@code POST /api/chat/{sessionId}/messages}: records the message in the inbox like any channel,
 * waits for its turn to complete (the pipeline's {@link ReplyWait}) and answers with that message's
 * replies. A client retry with the same {@code X-Message-Id} is a duplicate for the inbox and gets the
 * same replies.
 */
@RestController
public class WebChatController {

    static final String MESSAGE_ID_HEADER = "X-Message-Id";
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MAX_BODY_BYTES = 8 * 1024;
    private static final int MAX_TEXT = 2000;

    private final Inbox inbox;
    private final ReplyWait replies;
    private final WebChatLimits limits;
    private final Clock clock;

    WebChatController(Inbox inbox, ReplyWait replies, WebChatLimits limits, Clock clock) {
        this.inbox = inbox;
        this.replies = replies;
        this.limits = limits;
        this.clock = clock;
    }

    @PostMapping(path = "/api/chat/{sessionId}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    ChatResponse post(@PathVariable String sessionId,
                      @RequestHeader(name = MESSAGE_ID_HEADER, required = false) String messageId,
                      @RequestBody(required = false) ChatMessageRequest body,
                      HttpServletRequest request) throws InterruptedException {
        if (!SESSION_ID.matcher(sessionId).matches()) {
            throw new ChatRejected(HttpStatus.BAD_REQUEST, "chat.error.session");
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new ChatRejected(HttpStatus.PAYLOAD_TOO_LARGE, "chat.error.too-large");
        }
        if (messageId != null && !MESSAGE_ID.matcher(messageId).matches()) {
            throw new ChatRejected(HttpStatus.BAD_REQUEST, "chat.error.message-id");
        }
        boolean hasText = body != null && body.text() != null && !body.text().isBlank();
        boolean hasChoice = body != null && body.choice() != null && !body.choice().isBlank();
        if (hasText == hasChoice) {
            throw new ChatRejected(HttpStatus.BAD_REQUEST, "chat.error.body");
        }
        if ((hasText && body.text().length() > MAX_TEXT) || (hasChoice && body.choice().length() > 200)) {
            throw new ChatRejected(HttpStatus.PAYLOAD_TOO_LARGE, "chat.error.too-large");
        }
        ConversationKey conversation = new ConversationKey(Channel.WEB, sessionId);
        try {
            limits.take(sessionId, request.getRemoteAddr());
        } catch (org.springframework.dao.DataAccessException | com.mongodb.MongoException e) {
            throw new StoreUnavailableException("the web chat could not reach the store", e);
        }
        // Client ids are unique per session only: the session makes them unique for the channel.
        String providerId = messageId == null ? Ids.random("web") : providerMessageId(sessionId, messageId);
        Inbound inbound = hasText
                ? Inbound.text(providerId, conversation, body.text().strip(), clock.instant())
                : Inbound.choice(providerId, conversation, body.choice(),
                replies.offeredLabel(conversation, body.choice()).orElse(""), clock.instant());
        inbox.accept(inbound);
        return switch (replies.await(Channel.WEB, providerId)) {
            case ReplyWait.Outcome.Answered answered -> ChatResponse.of(answered.replies());
            case ReplyWait.Outcome.TimedOut timedOut -> throw new ChatRejected(HttpStatus.GATEWAY_TIMEOUT, "chat.error.timeout");
            case ReplyWait.Outcome.Failed failed -> throw new ChatRejected(HttpStatus.SERVICE_UNAVAILABLE, "chat.error.failed");
        };
    }

    /**
     * {@code GET /api/chat/{sessionId}/news}: what the bot wrote to this session that its page has not
     * shown yet (news of a request, a person's words, replies whose wait ran out), in order, once. The
     * page asks on opening and while it is open: the web chat cannot push, so a young person who comes
     * back to the same session finds them there.
     */
    @GetMapping(path = "/api/chat/{sessionId}/news", produces = MediaType.APPLICATION_JSON_VALUE)
    ChatResponse news(@PathVariable String sessionId) {
        if (!SESSION_ID.matcher(sessionId).matches()) {
            throw new ChatRejected(HttpStatus.BAD_REQUEST, "chat.error.session");
        }
        return ChatResponse.of(replies.unread(new ConversationKey(Channel.WEB, sessionId)));
    }

    /**
     * The provider id of a web chat message the page sent with its own id: derived, not
     * "session.message", because the session id names the young person's conversation and stays
     * out of the store.
     */
    public static String providerMessageId(String sessionId, String messageId) {
        return Ids.derived("web", sessionId, messageId);
    }
}
