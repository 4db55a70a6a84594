package fr.boussole.console.inbox;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An act in a conversation already handed back: nothing is sent. */
@ResponseStatus(HttpStatus.CONFLICT)
class ConversationOver extends RuntimeException {
    ConversationOver() {
        super(null, null, false, false);
    }
}
