package fr.boussole.dialogs.language;

import fr.boussole.core.language.Intent;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
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
     * Threshold: 85 %. Answering OTHER to everything scores 12 % on this set; rules and model together scored
     * 91.6 % when this was written. 85 % leaves room for adding harder evaluation lines without letting a real
     * regression (a broken normaliser, shuffled labels, lost features) pass. A wrong guess mostly costs one more
     * question to the young person; STOP and ERASE, which cost more, are bounded apart (below) and guarded
     * (EndingIntentsTest).
     */
    private static final double MINIMUM_ACCURACY = 0.85;
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
    void intents_of_held_out_sentences_are_mostly_right() {
        Map<Intent, int[]> byIntent = new EnumMap<>(Intent.class);
        int right = 0;
        int wrongEndings = 0;
        StringBuilder mistakes = new StringBuilder();
        for (IntentModel.Example example : EVALUATION) {
            String text = String.join(" ", example.tokens());
            Intent found = UNDERSTANDING.intentOf(text);
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
        assertThat(accuracy).isGreaterThanOrEqualTo(MINIMUM_ACCURACY);
        assertThat((double) wrongEndings / EVALUATION.size()).isLessThanOrEqualTo(MAXIMUM_WRONG_ENDINGS);
    }
}
