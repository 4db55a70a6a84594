package fr.boussole.dialogs.language;

import fr.boussole.core.language.Intent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accuracy of the intent understanding (keyword rules + model) on the held-out set, written apart from the
 * training examples.
 */
class IntentAccuracyTest {

    /**
     * Threshold: 95 %, what issue 11 asks. Answering OTHER to everything scores 10 % on this set; rules and model
     * together scored 91.6 % before issue 11, 95.8 % after it (docs/language.md). A harder evaluation line that
     * brings the figure under the floor asks for training lines of its kind, in other words, not for a lower floor.
     * A wrong guess mostly costs one more question to the young person; STOP and ERASE, which cost more, are
     * bounded apart (below) and guarded (EndingIntentsTest).
     */
    private static final double MINIMUM_ACCURACY = 0.95;
    /** The confusion matrix in the docs, between these marks, is the one this test computes. */
    private static final Path DOCS = Path.of("../docs/language.md");
    private static final String START = "<!-- confusion-matrix: start (IntentAccuracyTest writes it) -->";
    private static final String END = "<!-- confusion-matrix: end -->";
    /** STOP and ERASE wrongly guessed from another intent would end a conversation or delete data. */
    private static final double MAXIMUM_WRONG_ENDINGS = 0.01;

    private static final FrenchNormaliser NORMALISER = FrenchNormaliser.load();
    private static final FrenchUnderstanding UNDERSTANDING = FrenchUnderstanding.load();
    private static final List<IntentModel.Example> EVALUATION =
            FrenchIntents.examples(NORMALISER, "/language/intents/evaluation.tsv");

    @Test
    void the_evaluation_set_shares_no_sentence_with_the_training_set() {
        Set<List<String>> training = new HashSet<>();
        FrenchIntents.examples(NORMALISER, "/language/intents/training.tsv").forEach(e -> training.add(e.tokens()));
        assertThat(EVALUATION).filteredOn(e -> training.contains(e.tokens())).isEmpty();
    }

    @Test
    void intents_of_held_out_sentences_are_mostly_right() throws IOException {
        Map<Intent, int[]> byIntent = new EnumMap<>(Intent.class);
        int[][] confusion = new int[Intent.values().length][Intent.values().length];
        int right = 0;
        int wrongEndings = 0;
        StringBuilder mistakes = new StringBuilder();
        for (IntentModel.Example example : EVALUATION) {
            String text = String.join(" ", example.tokens());
            Intent found = UNDERSTANDING.intentOf(text);
            confusion[example.intent().ordinal()][found.ordinal()]++;
            int[] counts = byIntent.computeIfAbsent(example.intent(), i -> new int[2]);
            counts[1]++;
            if (found == example.intent()) {
                right++;
                counts[0]++;
            } else {
                mistakes.append("  ").append(example.intent()).append(" -> ").append(found).append(": ").append(text).append('\n');
                if (found == Intent.STOP || found == Intent.ERASE) {
                    wrongEndings++;
                }
            }
        }
        double accuracy = (double) right / EVALUATION.size();
        System.out.printf("Intent accuracy on %d held-out sentences: %.1f %%%n", EVALUATION.size(), accuracy * 100);
        byIntent.forEach((intent, c) -> System.out.printf("  %-9s %d/%d%n", intent, c[0], c[1]));
        System.out.print(mistakes);
        String matrix = matrix(confusion, right, accuracy);
        System.out.print(matrix);
        checkDocs(matrix);
        assertThat(accuracy).isGreaterThanOrEqualTo(MINIMUM_ACCURACY);
        assertThat((double) wrongEndings / EVALUATION.size()).isLessThanOrEqualTo(MAXIMUM_WRONG_ENDINGS);
    }

    /** Rows: the intent written in the evaluation set; columns: the intent found. */
    private static String matrix(int[][] confusion, int right, double accuracy) {
        Intent[] intents = Intent.values();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Accuracy: **%.1f %%** (%d of %d held-out sentences).%n%n", accuracy * 100,
                right, EVALUATION.size()));
        out.append("| written \\ found |");
        for (Intent intent : intents) {
            out.append(' ').append(abbreviation(intent)).append(" |");
        }
        out.append("\n|---|");
        out.append("---:|".repeat(intents.length)).append('\n');
        for (Intent written : intents) {
            out.append("| ").append(written).append(" |");
            for (Intent found : intents) {
                int count = confusion[written.ordinal()][found.ordinal()];
                out.append(' ').append(count == 0 ? "·" : written == found ? "**" + count + "**" : count).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String abbreviation(Intent intent) {
        return switch (intent) {
            case DONT_KNOW -> "DK";
            case GREETING -> "GREET";
            case RESTART -> "RESTA";
            default -> intent.name();
        };
    }

    /**
     * The docs show the matrix this test computes: a figure written by hand goes stale. Rewrite it with
     * {@code -Dupdate.docs=true}.
     */
    private static void checkDocs(String matrix) throws IOException {
        String docs = Files.readString(DOCS);
        int start = docs.indexOf(START);
        int end = docs.indexOf(END);
        assertThat(start).as("the confusion matrix marks in " + DOCS).isNotNegative();
        assertThat(end).as("the confusion matrix marks in " + DOCS).isGreaterThan(start);
        String written = docs.substring(start + START.length(), end).strip();
        if (Boolean.getBoolean("update.docs")) {
            Files.writeString(DOCS, docs.substring(0, start + START.length()) + "\n" + matrix.strip() + "\n"
                    + docs.substring(end));
            return;
        }
        assertThat(written).as(DOCS + " shows another confusion matrix than the one computed now: rerun with"
                + " -Dupdate.docs=true (IntentAccuracyTest) and commit the docs").isEqualTo(matrix.strip());
    }
}
