package fr.boussole.dialogs.language;

import fr.boussole.core.language.Distress;
import fr.boussole.core.language.Reading;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety net on the held-out sets, written apart from its lexicon (docs/language.md): every distress message
 * found, with its kind (the help line depends on it), and under 1 % false alarms on ordinary messages of the journey
 * (the ordinary held-out set, the intent evaluation set). Prints the figures and every miss.
 */
class SafetyNetHeldOutTest {

    private static final FrenchUnderstanding UNDERSTANDING = FrenchUnderstanding.load();
    private static final double MAX_FALSE_ALARMS = 0.01;

    @Test
    void every_held_out_distress_message_is_found_with_its_kind() {
        List<String[]> lines = HeldOut.lines("/language/safety/distress-heldout.tsv");
        int found = 0;
        int rightKind = 0;
        int nowExpected = 0;
        int nowFound = 0;
        int nowOverstated = 0;
        List<String> misses = new ArrayList<>();
        for (String[] line : lines) {
            Distress.Kind kind = Distress.Kind.valueOf(line[0]);
            boolean now = line[1].equals("yes");
            Reading reading = UNDERSTANDING.read(line[2]);
            if (reading.inDistress()) {
                found++;
            }
            boolean kindFound = reading.distress().stream().anyMatch(d -> d.kind() == kind);
            if (kindFound) {
                rightKind++;
            } else {
                misses.add("  " + kind + (now ? " now" : "") + " -> " + reading.distress() + ": " + line[2]);
            }
            if (now) {
                nowExpected++;
                if (reading.mostPressing().map(Distress::now).orElse(false)) {
                    nowFound++;
                } else {
                    misses.add("  not now -> " + reading.distress() + ": " + line[2]);
                }
            } else if (reading.mostPressing().map(Distress::now).orElse(false)) {
                nowOverstated++;
            }
        }
        System.out.printf("Safety net, held-out distress: %d messages, found %d (recall %.1f %%), right kind %d (%.1f %%),"
                        + " danger now found %d/%d, now said of %d later dangers%n", lines.size(), found,
                100.0 * found / lines.size(), rightKind, 100.0 * rightKind / lines.size(), nowFound, nowExpected, nowOverstated);
        misses.forEach(System.out::println);
        assertThat(found).as("recall of the safety net").isEqualTo(lines.size());
        assertThat(rightKind).as("distress found with its kind").isEqualTo(lines.size());
        assertThat(nowFound).as("danger now found").isEqualTo(nowExpected);
    }

    @Test
    void ordinary_messages_raise_under_one_percent_of_false_alarms() {
        List<String> ordinary = new ArrayList<>();
        HeldOut.lines("/language/safety/ordinary-heldout.tsv").forEach(line -> ordinary.add(line[0]));
        HeldOut.lines("/language/intents/evaluation.tsv").forEach(line -> ordinary.add(line[1]));
        List<String> alarms = new ArrayList<>();
        for (String text : ordinary) {
            Reading reading = UNDERSTANDING.read(text);
            if (reading.inDistress()) {
                alarms.add("  " + reading.distress() + " " + UNDERSTANDING.distressEvidence(text) + ": " + text);
            }
        }
        double rate = (double) alarms.size() / ordinary.size();
        System.out.printf("Safety net, held-out ordinary messages: %d, false alarms %d (%.2f %%)%n", ordinary.size(),
                alarms.size(), 100 * rate);
        alarms.forEach(System.out::println);
        assertThat(rate).as("false alarm rate").isLessThan(MAX_FALSE_ALARMS);
    }
}
