package fr.boussole.core.message;

import java.util.List;
import java.util.Objects;

/**
 * A message of the bot, channel-agnostic: each channel renders the choices its own way (buttons,
 * lists, numbered lines).
 *
 * @param text        the text, already in the young person's language
 * @param choices     the answers offered, possibly none
 * @param asksForPhone true when the bot asks for a phone number, so that a channel able to share
 *                    one (Telegram's contact button) can offer it
 * @param unprompted   true when the bot writes first (news of a request, a person's reply), not in answer
 *                    to a message: WhatsApp then sends it, outside its 24-hour window, through an
 *                    approved template
 */
public record OutboundMessage(String text, List<Choice> choices, boolean asksForPhone, boolean unprompted) {

    public OutboundMessage {
        Objects.requireNonNull(text, "text");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public OutboundMessage(String text, List<Choice> choices, boolean asksForPhone) {
        this(text, choices, asksForPhone, false);
    }

    /** The same message, written first by the bot. */
    public OutboundMessage asUnprompted() {
        return new OutboundMessage(text, choices, asksForPhone, true);
    }

    public static OutboundMessage of(String text) {
        return new OutboundMessage(text, List.of(), false);
    }

    public static OutboundMessage withChoices(String text, List<Choice> choices) {
        return new OutboundMessage(text, choices, false);
    }
}
