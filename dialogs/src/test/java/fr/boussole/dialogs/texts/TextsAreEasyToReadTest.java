package fr.boussole.dialogs.texts;

import fr.boussole.core.questionnaire.Option;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;
import fr.boussole.dialogs.questionnaire.QuestionnaireLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain, short French (FALC) for every sentence a young person reads: the journey's texts, the
 * questionnaires (questions, helps, choices) and the FAQ's answers, as bundled. Each text is checked
 * with its placeholders filled by long but real values (an organisation's name of 35 characters, a
 * phone number), so that what is measured is what is sent:
 * <ul>
 *   <li>at most 306 characters (two GSM-7 SMS segments), and at least {@value #SHORT_SHARE}% of them
 *       under 160 (one segment);</li>
 *   <li>at most 15 words a sentence;</li>
 *   <li>no middle-dot forms ("inscrit·e"): words that fit everyone instead;</li>
 *   <li>choices (buttons) at most 20 characters: a WhatsApp button holds 20;</li>
 *   <li>a Kandel–Moles readability score (see {@link Readability}: 207 − 1.015 × words per sentence
 *       − 73.6 × syllables per word) of at least {@value #FLOOR} for every text of more than
 *       {@value #SCORED_FROM} words. The floor is set just under the worst text kept (documented in
 *       docs/dialog.md); above 60 reads as plain everyday French. The ten hardest texts are printed
 *       at every build, to show where to work next.</li>
 * </ul>
 */
class TextsAreEasyToReadTest {

    static final int FLOOR = 60;
    static final int SHORT_SHARE = 75;
    static final int SCORED_FROM = 3;
    private static final int MAX_CHARS = 306;
    private static final int ONE_SEGMENT = 160;
    private static final int MAX_WORDS = 15;
    private static final int MAX_LABEL = 20;

    /** Not sentences: formats, versions, word lists the engine matches typed text against. */
    private static final Pattern NOT_SHOWN = Pattern.compile("format\\..*|consent\\.version|theme\\.words\\..*|check\\.not-yet-words|news\\.contacted-words");
    /** Parts of sentences, put into others (scored there, with the whole sentence). */
    private static final Pattern FRAGMENT = Pattern.compile("contact\\.your-.*|facts\\.age|theme\\.name\\..*");
    /** Texts the engine shows as choice labels (buttons). */
    private static final Set<String> LABELS = Set.of("choice.yes", "choice.no", "choice.restart", "resume.resume",
            "contact.yes", "consent.refuse", "done.other-offers", "offers.more", "offers.other-theme",
            "offers.other-offers", "contact.email-keep", "commune.home-no", "check.yes", "check.no", "check.not-yet");
    /** Long but real values for the placeholders. */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("organisation", "Centre de santé sexuelle de Cahors"), Map.entry("commune", "Saint-Céré"),
            Map.entry("departement", "Ardèche"), Map.entry("address", "06 12 34 56 78"), Map.entry("contact", "ton numéro 06 12 34 56 78"),
            Map.entry("delay", "7"), Map.entry("date", "mercredi 25 novembre"), Map.entry("count", "12"),
            Map.entry("facts", "19 ans, Saint-Céré, partir à l'étranger"), Map.entry("age", "19"),
            Map.entry("theme", "partir à l'étranger"), Map.entry("suggestion", "camille.martin@gmail.com"),
            Map.entry("offer", "Atelier CV et entretien d'embauche"), Map.entry("name", "le Point Info Jeunes de Cahors"),
            Map.entry("phone", "05 65 00 00 00"), Map.entry("hours", "du lundi au vendredi, de 9 h à 17 h"),
            Map.entry("unit", "€ par mois"), Map.entry("title", "Atelier CV"), Map.entry("summary", "Préparer ton CV."),
            Map.entry("place", "Cahors"), Map.entry("from", "4"), Map.entry("to", "6"));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-zA-Z0-9-]*)}");

    private final Map<String, String> texts = shownTexts();

    @Test
    void every_text_fits_two_sms_and_most_fit_one() {
        List<String> tooLong = new ArrayList<>();
        int short_ = 0;
        for (var text : texts.entrySet()) {
            int length = filled(text.getValue()).length();
            if (length > MAX_CHARS) {
                tooLong.add(text.getKey() + " (" + length + ")");
            }
            if (length < ONE_SEGMENT) {
                short_++;
            }
        }
        assertThat(tooLong).as("texts over %d characters", MAX_CHARS).isEmpty();
        assertThat(100 * short_ / texts.size()).as("%% of texts under %d characters", ONE_SEGMENT).isGreaterThanOrEqualTo(SHORT_SHARE);
    }

    @Test
    void every_sentence_has_at_most_fifteen_words() {
        List<String> long_ = new ArrayList<>();
        texts.forEach((key, text) -> {
            for (List<String> sentence : Readability.sentences(oneWordPerPlaceholder(text))) {
                if (sentence.size() > MAX_WORDS) {
                    long_.add(key + ": " + String.join(" ", sentence));
                }
            }
        });
        assertThat(long_).as("sentences over %d words", MAX_WORDS).isEmpty();
    }

    @Test
    void no_text_uses_middle_dot_forms() {
        assertThat(texts).allSatisfy((key, text) -> assertThat(text).as(key).doesNotContainPattern("\\p{L}[·•.]\\p{Ll}\\b")
                .doesNotContain("·"));
    }

    @Test
    void every_choice_fits_a_whatsapp_button() {
        Map<String, String> labels = new LinkedHashMap<>();
        texts.forEach((key, text) -> {
            if (LABELS.contains(key) || key.contains("#option#")) {
                labels.put(key, text);
            }
        });
        assertThat(labels).isNotEmpty().allSatisfy((key, label) -> assertThat(label.length()).as(key).isLessThanOrEqualTo(MAX_LABEL));
    }

    @Test
    void every_text_reads_above_the_floor_and_the_hardest_ten_are_shown() {
        List<Map.Entry<String, Double>> scores = new ArrayList<>();
        texts.forEach((key, text) -> {
            String filled = filled(text);
            if (!FRAGMENT.matcher(key).matches() && Readability.sentences(filled).stream().mapToInt(List::size).sum() > SCORED_FROM) {
                scores.add(Map.entry(key, Readability.score(filled)));
            }
        });
        scores.sort(Map.Entry.comparingByValue());
        StringBuilder report = new StringBuilder("Kandel-Moles readability (207 - 1.015 x words/sentence - 73.6 x syllables/word), floor "
                + FLOOR + ", " + scores.size() + " texts scored, mean "
                + String.format(java.util.Locale.ROOT, "%.1f", scores.stream().mapToDouble(Map.Entry::getValue).average().orElse(0))
                + "; the ten hardest:\n");
        for (var score : scores.subList(0, Math.min(10, scores.size()))) {
            report.append(String.format(java.util.Locale.ROOT, "  %6.1f  %-40s %s%n", score.getValue(), score.getKey(),
                    filled(texts.get(score.getKey())).replace('\n', ' ')));
        }
        System.out.println(report);
        assertThat(scores).as(report.toString()).allSatisfy(score -> assertThat(score.getValue()).as(score.getKey())
                .isGreaterThanOrEqualTo(FLOOR));
    }

    @Test
    void the_scorer_counts_as_documented() {
        assertThat(Readability.syllables("réponse")).isEqualTo(2);
        assertThat(Readability.syllables("aujourd'hui")).isEqualTo(3);
        assertThat(Readability.syllables("question")).isEqualTo(2);
        assertThat(Readability.syllables("travail")).isEqualTo(2);
        assertThat(Readability.syllables("été")).isEqualTo(2);
        assertThat(Readability.syllables("236")).isEqualTo(3);
        // One sentence of 4 words and 4 syllables: 207 - 1.015 x 4 - 73.6 x 1.
        assertThat(Readability.score("Tu as quel âge ?")).isCloseTo(207 - 1.015 * 4 - 73.6, org.assertj.core.data.Offset.offset(0.01));
    }

    /** Every text a young person may read, by a key saying where it comes from. */
    private static Map<String, String> shownTexts() {
        Map<String, String> shown = new LinkedHashMap<>();
        YamlTexts bundled = YamlTexts.bundled();
        for (String key : bundled.keys()) {
            if (!NOT_SHOWN.matcher(key).matches()) {
                shown.put(key, bundled.text(key));
            }
        }
        for (Questionnaire questionnaire : QuestionnaireLoader.bundled().byTheme().values()) {
            for (Step step : questionnaire.steps()) {
                String where = questionnaire.id() + "." + step.id();
                shown.put(where + "#text", step.text());
                if (step.help() != null) {
                    shown.put(where + "#help", step.help());
                }
                List<Option> options = switch (step.question()) {
                    case Question.SingleChoice single -> single.options();
                    case Question.MultipleChoice multiple -> multiple.options();
                    default -> List.of();
                };
                options.forEach(option -> shown.put(where + "#option#" + option.id(), option.label()));
            }
        }
        return shown;
    }

    private static String filled(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(SAMPLES.getOrDefault(matcher.group(1), matcher.group())));
        }
        return matcher.appendTail(out).toString();
    }

    /** A placeholder stands for one name, one number or one address: read as one word. */
    private static String oneWordPerPlaceholder(String text) {
        return PLACEHOLDER.matcher(text).replaceAll("X");
    }

}
