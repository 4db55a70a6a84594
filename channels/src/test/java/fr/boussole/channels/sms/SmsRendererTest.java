package fr.boussole.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.core.message.Choice;
import fr.boussole.core.message.OutboundMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsRendererTest {

    @Test
    void choices_become_short_numbered_lines() {
        OutboundMessage question = OutboundMessage.withChoices("Quel thème t’intéresse ?",
                List.of(new Choice("emploi", "Emploi"), new Choice("sante", "Santé"), new Choice("logement", "Logement")));
        assertThat(SmsRenderer.render(question)).containsExactly("Quel thème t'intéresse ?\n\n1. Emploi\n2. Santé\n3. Logement");
    }

    @Test
    void a_short_text_goes_as_one_sms() {
        assertThat(SmsRenderer.render(OutboundMessage.of("Bonjour !"))).containsExactly("Bonjour !");
    }

    @Test
    void a_long_text_is_cut_at_line_breaks_into_messages_of_at_most_three_segments() {
        String line = "Mission locale du Grand Cahors : accompagnement vers l'emploi, aides au permis, logement. ";
        String text = (line.strip() + "\n").repeat(12);
        List<String> parts = SmsSplitter.split(text);
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(p -> {
            assertThat(Gsm7.segments(p)).isLessThanOrEqualTo(SmsSplitter.MAX_SEGMENTS);
            assertThat(p).endsWith("logement.");
        });
        assertThat(String.join("\n", parts)).isEqualTo(text.strip());
    }

    @Test
    void a_long_paragraph_is_cut_at_sentence_ends() {
        String text = "Ceci est une phrase assez longue pour remplir un message, mais pas trop. ".repeat(15).strip();
        List<String> parts = SmsSplitter.split(text);
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(p -> assertThat(p).endsWith("trop."));
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void a_single_endless_sentence_is_cut_between_words() {
        String text = "mot ".repeat(400).strip();
        List<String> parts = SmsSplitter.split(text);
        assertThat(parts).allSatisfy(p -> {
            assertThat(Gsm7.septets(p)).isLessThanOrEqualTo(3 * 153);
            assertThat(p).doesNotStartWith(" ").endsWith("mot");
        });
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }
}
