package fr.boussole.channels.webchat;

import fr.boussole.core.message.OutboundMessage;

import java.util.List;

/** The bot's replies to one message, in order. */
record ChatResponse(List<Reply> replies) {

    record Reply(String text, List<ChoiceView> choices, boolean asksForPhone) {}

    record ChoiceView(String id, String label) {}

    static ChatResponse of(List<OutboundMessage> messages) {
        return new ChatResponse(messages.stream().map(m -> new Reply(m.text(),
                m.choices().stream().map(c -> new ChoiceView(c.id(), c.label())).toList(), m.asksForPhone())).toList());
    }
}
