package fr.boussole.channels.webchat;

import fr.boussole.core.message.StoreUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every failure of the web chat endpoint as a JSON error with a French message; never a bare 500. */
@RestControllerAdvice(assignableTypes = WebChatController.class)
class WebChatErrors {

    private final WebChatTexts texts;

    WebChatErrors(WebChatTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(ChatRejected.class)
    ResponseEntity<ChatError> rejected(ChatRejected rejected) {
        ResponseEntity<ChatError> error = error(rejected.status, rejected.code);
        if (rejected.retryAfter == null) {
            return error;
        }
        return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders())
                .header("Retry-After", Long.toString(rejected.retryAfter.toSeconds())).body(error.getBody());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ChatError> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "chat.error.json");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ChatError> notJson(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "chat.error.json");
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ChatError> storeDown(StoreUnavailableException e) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, "chat.error.unavailable");
    }

    @ExceptionHandler(InterruptedException.class)
    ResponseEntity<ChatError> interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return error(HttpStatus.SERVICE_UNAVAILABLE, "chat.error.unavailable");
    }

    private ResponseEntity<ChatError> error(HttpStatus status, String code) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new ChatError(code.substring("chat.error.".length()), texts.text(code)));
    }
}
