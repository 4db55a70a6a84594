package fr.boussole.channels.sms;

import fr.boussole.core.message.Choice;
import fr.boussole.core.message.OutboundMessage;
import java.util.List;

/**
 * Renders a bot message for SMS: the choices as short numbered lines (the young person answers with
 * the number; the dialog understands it), everything in GSM-7, cut into messages of a few segments.
 */
public final class SmsRenderer {

    private SmsRenderer() {}

    public static List<String> render(OutboundMessage message) {
        StringBuilder text = new StringBuilder(message.text().strip());
        List<Choice> choices = message.choices();
        for (int i = 0; i < choices.size(); i++) {
            text.append(i == 0 ? "\n\n" : "\n").append(i + 1).append(". ").append(choices.get(i).label().strip());
        }
        return SmsSplitter.split(Gsm7.transliterate(text.toString()));
    }
}
