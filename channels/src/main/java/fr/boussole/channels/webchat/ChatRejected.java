package fr.boussole.channels.webchat;

import org.springframework.http.HttpStatus;

/** A request the web chat answers with an error status and a bundle message. */
class ChatRejected extends RuntimeException {

    final HttpStatus status;
    final String code;

    ChatRejected(HttpStatus status, String code) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
    }
}
