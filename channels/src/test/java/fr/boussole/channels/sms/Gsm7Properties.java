package fr.boussole.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.core.message.Choice;
import fr.boussole.core.message.OutboundMessage;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Property-style checks over many generated texts (fixed seeds, so a failure can be replayed): whatever
 * the input, what goes out by SMS is GSM-7 only, within the segment budget, and loses no word.
 */
class Gsm7Properties {

    private static final String FRENCH = "aàâäbcçdeéèêëfghiîïjklmnoôöpqrstuùûüvwxyÿzœæAÀÂÉÈÊËÎÏÔŒÙÛÜÇ0123456789 ,.;:!?'’«»\"()-–—…\n€$%&@";
    private static final int[] OTHERS = {0x1F600, 0x1F389, 0x2764, 0xFE0F, 0x200D, 0x1F44D, 0x1F3FD, 0x4E2D, 0x0416, 0x05D0, 0x00A0,
            0x202F, 0x2022, 0x00B0, 0x20AC, 0x00A3, 0x0009, 0x1F1EB, 0x1F1F7};

    @Test
    void every_transliterated_text_is_gsm7() {
        Random random = new Random(20261123);
        for (int run = 0; run < 2_000; run++) {
            String text = randomText(random, 1 + random.nextInt(300));
            String out = Gsm7.transliterate(text);
            assertThat(Gsm7.isGsm7(out)).as("GSM-7 from %s", text).isTrue();
        }
    }

    @Test
    void every_rendered_sms_is_gsm7_within_three_segments_and_keeps_every_word() {
        Random random = new Random(7);
        for (int run = 0; run < 500; run++) {
            String text = randomText(random, 1 + random.nextInt(1_500));
            List<Choice> choices = IntStream.range(0, random.nextInt(6))
                    .mapToObj(i -> new Choice("c" + i, randomText(random, 1 + random.nextInt(30)).replace('\n', ' ')))
                    .toList();
            List<String> parts = SmsRenderer.render(new OutboundMessage(text, choices, false));
            assertThat(parts).allSatisfy(p -> {
                assertThat(Gsm7.isGsm7(p)).isTrue();
                assertThat(Gsm7.segments(p)).isLessThanOrEqualTo(SmsSplitter.MAX_SEGMENTS);
            });
            String expected = words(Gsm7.transliterate(text));
            assertThat(words(String.join(" ", parts))).startsWith(expected);
        }
    }

    private static String words(String text) {
        return String.join(" ", text.strip().split("\\s+"));
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            if (random.nextInt(12) == 0) {
                text.appendCodePoint(OTHERS[random.nextInt(OTHERS.length)]);
            } else {
                text.append(FRENCH.charAt(random.nextInt(FRENCH.length())));
            }
        }
        return text.toString();
    }
}
