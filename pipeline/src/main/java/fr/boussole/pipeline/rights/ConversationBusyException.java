package fr.boussole.pipeline.rights;

/** A conversation stayed busy (a turn running) for longer than an erasure waits: try again. */
public class ConversationBusyException extends IllegalStateException {

    ConversationBusyException() {
        super("the conversation stayed busy: try the erasure again");
    }
}
