package fr.boussole.channels.twilio.whatsapp;

import fr.boussole.channels.sms.Gsm7;
import fr.boussole.channels.sms.SmsRenderer;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.OutboundMessage;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message of the golden transcripts of what becomes of a request (news, another offer) that the
 * bot writes first, the answer it gives to the young person's reply to one, and the answer to a search
 * that found nothing (with its way forward), as SMS
 * and WhatsApp carry it: at most 2 SMS segments once rendered in GSM-7 with its numbered choices; on
 * WhatsApp, its choices tappable (buttons or a list) and, for a message the bot writes first, the news
 * template's variable within WhatsApp's limit. The transcripts are the dialogs module's, run through
 * the real engine there; this test reads what they say the bot sends.
 */
class MessagesToYoungPeopleFitTest {

    private static final Path TRANSCRIPTS = Path.of("../dialogs/src/test/resources/transcripts");
    /**
     * The transcripts of the messages a young person receives about a request after it was sent, and
     * of a search that found nothing.
     */
    private static final List<String> PREFIXES = List.of("news.", "handover.", "logement.nothing-fits");
    static final int MAX_SMS_SEGMENTS = 2;

    @Test
    void every_message_fits_two_sms_and_whatsapps_widgets() throws IOException {
        List<OutboundMessage> messages = messages();
        assertThat(messages).as("messages in the news transcripts").hasSizeGreaterThan(10);
        List<String> problems = new ArrayList<>();
        for (OutboundMessage message : messages) {
            String sms = String.join("", SmsRenderer.render(message));
            int segments = SmsRenderer.render(message).stream().mapToInt(Gsm7::segments).sum();
            if (segments > MAX_SMS_SEGMENTS) {
                problems.add(segments + " SMS segments (" + Gsm7.septets(sms) + " septets): " + sms);
            }
            if (!message.choices().isEmpty() && WhatsAppContents.definitionFor(message, "Voir").isEmpty()) {
                problems.add("choices WhatsApp cannot show as buttons or a list: " + message.choices());
            }
            if (message.unprompted() && WhatsAppContents.templateVariables(message).length() > WhatsAppContents.MAX_BODY) {
                problems.add("too long for the news template: " + message.text());
            }
        }
        assertThat(problems).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<OutboundMessage> messages() throws IOException {
        List<OutboundMessage> messages = new ArrayList<>();
        try (Stream<Path> files = Files.list(TRANSCRIPTS)) {
            for (Path file : files.filter(f -> PREFIXES.stream().anyMatch(p -> f.getFileName().toString().startsWith(p)))
                    .sorted().toList()) {
                Map<String, Object> transcript = new Yaml(new SafeConstructor(new LoaderOptions()))
                        .load(Files.readString(file, StandardCharsets.UTF_8));
                boolean afterNews = false;
                for (Map<String, Object> turn : (List<Map<String, Object>>) transcript.get("turns")) {
                    boolean news = String.valueOf(turn.get("system")).startsWith("news ");
                    boolean nothingFound = ((List<String>) turn.getOrDefault("events", List.of())).stream()
                            .anyMatch(event -> event.startsWith("search-recorded") && event.endsWith(", 0 offers"));
                    boolean ours = news || afterNews || nothingFound;
                    // the reply to news that asked something is ours too; after news that asked nothing, the journey's
                    afterNews = news && ((List<Map<String, Object>>) turn.getOrDefault("bot", List.of())).stream()
                            .anyMatch(bot -> bot.containsKey("choices"));
                    if (!ours) {
                        continue; // the journey's own messages are the journey's tests'
                    }
                    for (Map<String, Object> bot : (List<Map<String, Object>>) turn.getOrDefault("bot", List.of())) {
                        List<Choice> choices = ((List<String>) bot.getOrDefault("choices", List.of())).stream()
                                .map(c -> c.split(" \\| ", 2)).map(c -> new Choice(c[0], c[1])).toList();
                        messages.add(new OutboundMessage((String) bot.get("text"), choices, false,
                                Boolean.TRUE.equals(bot.get("unprompted"))));
                    }
                }
            }
        }
        return messages;
    }
}
