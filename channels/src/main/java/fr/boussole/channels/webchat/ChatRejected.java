package fr.boussole.channels.webchat;

import org.springframework.http.HttpStatus;

/** A request the web chat answers with an error status and a bundle message. */
class ChatRejected extends RuntimeException {

    final HttpStatus status;
    final String code;
    /** When to try again ({@code Retry-After}), or null. */
    final java.time.Duration retryAfter;

    ChatRejected(HttpStatus status, String code) {
        this(status, code, null);
    }

    ChatRejected(HttpStatus status, String code, java.time.Duration retryAfter) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }
}
