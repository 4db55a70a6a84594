package fr.boussole.dialogs.language;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchTokenizerTest {

    private final FrenchTokenizer tokenizer = new FrenchTokenizer();

    @Test
    void elided_words_keep_their_apostrophe_and_stand_apart() {
        assertThat(tokenizer.tokens("j'ai vu l'offre")).containsExactly("j'", "ai", "vu", "l'", "offre");
        assertThat(tokenizer.tokens("J’habite à Cahors")).containsExactly("J'", "habite", "à", "Cahors");
        assertThat(tokenizer.tokens("qu'est-ce que c'est")).containsExactly("qu'", "est", "ce", "que", "c'", "est");
    }

    @Test
    void aujourdhui_stays_one_word() {
        assertThat(tokenizer.tokens("aujourd'hui")).containsExactly("aujourd'hui");
    }

    @Test
    void hyphens_separate_words() {
        assertThat(tokenizer.tokens("dix-neuf ans")).containsExactly("dix", "neuf", "ans");
        assertThat(tokenizer.tokens("Saint-Céré")).containsExactly("Saint", "Céré");
    }

    @Test
    void digits_are_split_from_words_but_ordinals_stay_whole() {
        assertThat(tokenizer.tokens("17ans")).containsExactly("17", "ans");
        assertThat(tokenizer.tokens("le 2e")).containsExactly("le", "2e");
        assertThat(tokenizer.tokens("1er choix")).containsExactly("1er", "choix");
        assertThat(tokenizer.tokens("46100")).containsExactly("46100");
    }

    @Test
    void punctuation_and_emoji_are_tokens_of_their_own() {
        assertThat(tokenizer.tokens("oui!!👍")).containsExactly("oui", "!", "!", "👍");
        assertThat(tokenizer.tokens("ok👍🏽")).containsExactly("ok", "👍");
        assertThat(tokenizer.tokens("quoi?")).containsExactly("quoi", "?");
    }

    @Test
    void nothing_gives_no_token() {
        assertThat(tokenizer.tokens(null)).isEmpty();
        assertThat(tokenizer.tokens("  \n\t ")).isEmpty();
    }
}
