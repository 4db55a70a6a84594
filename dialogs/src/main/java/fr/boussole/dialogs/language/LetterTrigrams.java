package fr.boussole.dialogs.language;

import opennlp.tools.doccat.FeatureGenerator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Letter trigrams of each word and the length of the text, as features of the intent model. */
final class LetterTrigrams implements FeatureGenerator {

    @Override
    public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>();
        for (String word : text) {
            if (word.length() < 3 || !Character.isLetter(word.charAt(0))) {
                continue;
            }
            String padded = "<" + word + ">";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                features.add("c3=" + padded.substring(i, i + 3));
            }
        }
        features.add("len=" + (text.length <= 2 ? "short" : text.length <= 6 ? "medium" : "long"));
        return features;
    }
}
