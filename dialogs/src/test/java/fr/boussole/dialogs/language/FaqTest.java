package fr.boussole.dialogs.language;

import fr.boussole.dialogs.texts.YamlTexts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The FAQ file: the questions the issue names are there, answered in one short plain line the engine can say. */
class FaqTest {

    private static final Faq FAQ = Faq.bundled();

    @Test
    void the_questions_young_people_ask_first_are_answered() {
        assertThat(FAQ.entries()).extracting(Faq.Entry::id)
                .contains("gratuit", "mission-locale", "robot", "qui-voit", "quand-rappel");
    }

    @Test
    void each_answer_is_one_short_line_of_plain_french() {
        for (Faq.Entry entry : FAQ.entries()) {
            assertThat(entry.answer()).as(entry.id()).hasSizeLessThanOrEqualTo(160).doesNotContain("·", "\n");
            assertThat(entry.answer().split("[.!?:] ")).as(entry.id()).allSatisfy(
                    sentence -> assertThat(sentence.split("\\s+").length).as(entry.id()).isLessThanOrEqualTo(15));
            assertThat(entry.asks()).as(entry.id()).isNotEmpty();
        }
    }

    @Test
    void the_engine_finds_every_answer_among_its_texts_as_faq_id() {
        YamlTexts texts = YamlTexts.bundled();
        for (Faq.Entry entry : FAQ.entries()) {
            assertThat(texts.text(Faq.KEY_PREFIX + entry.id())).isEqualTo(entry.answer());
        }
    }
}
