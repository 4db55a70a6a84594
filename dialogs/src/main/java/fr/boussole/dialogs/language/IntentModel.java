package fr.boussole.dialogs.language;

import fr.boussole.core.language.Intent;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A maximum-entropy document categorizer of OpenNLP, trained at load time from the annotated examples of
 * {@code language/intents/training.tsv}. Features: the words, the pairs of neighbouring words, and the letter
 * trigrams of each word (so that "ouai", "aidez" or "stopé" still look like what they mean). Training is
 * deterministic: one thread, fixed iterations and cut-off, examples in file order.
 */
final class IntentModel {

    static final int ITERATIONS = 200;
    static final int CUTOFF = 1;

    private final MaxentModel model;
    private final FeatureGenerator[] features;

    private IntentModel(MaxentModel model, FeatureGenerator[] features) {
        // Read through the maxent model with our own feature generators: DocumentCategorizerME would reload them
        // by class name through OpenNLP's extension loader. MaxentModel.eval allocates per call: thread-safe.
        this.model = model;
        this.features = features;
    }

    record Example(Intent intent, List<String> tokens) {
    }

    record Guess(Intent intent, double probability) {
    }

    static IntentModel train(List<Example> examples) {
        List<DocumentSample> samples = examples.stream()
                .filter(e -> !e.tokens().isEmpty())
                .map(e -> new DocumentSample(e.intent().name(), e.tokens().toArray(String[]::new)))
                .toList();
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        parameters.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        FeatureGenerator[] features = features();
        try {
            DoccatModel model = DocumentCategorizerME.train("fr",
                    ObjectStreamUtils.createObjectStream(samples), parameters, new DoccatFactory(features));
            return new IntentModel(model.getMaxentModel(), features);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot train the intent model", e);
        }
    }

    Guess guess(List<String> tokens) {
        String[] words = tokens.toArray(String[]::new);
        List<String> context = new ArrayList<>();
        for (FeatureGenerator generator : features) {
            context.addAll(generator.extractFeatures(words, Map.of()));
        }
        double[] outcomes = model.eval(context.toArray(String[]::new));
        int best = 0;
        for (int i = 1; i < outcomes.length; i++) {
            if (outcomes[i] > outcomes[best]) {
                best = i;
            }
        }
        return new Guess(Intent.valueOf(model.getOutcome(best)), outcomes[best]);
    }

    private static FeatureGenerator[] features() {
        try {
            return new FeatureGenerator[]{new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2),
                    new LetterTrigrams()};
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
