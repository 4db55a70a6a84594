package fr.boussole.dialogs.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The phrase syntax of the lexicon files, as docs/language.md describes it to a non-developer. */
class PhraseTest {

    private static final FrenchNormaliser NORMALISER = FrenchNormaliser.load();

    @ParameterizedTest(name = "{0} in \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            "envie de mourir|g envi de mourir|true",
            "envie de mourir|envie de partir|false",
            "me/m' frappe/tape|il m'frappe|true",
            "me/m' frappe/tape|il me tape|true",
            "pleure [tout le temps/tous les soirs]|je pleure tous les soirs|true",
            "pleure [tout le temps/tous les soirs]|je pleure tout les soirs|false",
            "suicid*|idées suicidaires|true",
            "suicid*|me suicidé|true",
            "suicid*|sucidaire|true",
            "veux .. mourir|je veux juste vraiment mourir|true",
            "veux .. mourir|je veux pas du tout du tout mourir|false",
            "pris # .. doliprane|j'ai pris 20 doliprane|true",
            "pris # .. doliprane|j'ai pris trois doliprane|true",
            "pris # .. doliprane|j'ai pris un doliprane|false",
            "pris # .. doliprane|j'ai pris du doliprane|false",
            "scarifie|je me scarifi|true",
            "frappe|il me frape|true",
            "tape|il me tap|false",
            "jveu plus vivre|je veux plus vivre|true"})
    void a_phrase_reads_what_the_docs_say(String phrase, String message, boolean found) {
        assertThat(Phrase.compile(phrase, NORMALISER).in(NORMALISER.tokens(message))).isEqualTo(found);
    }

    @Test
    void a_masked_phrase_hides_its_words_from_the_others() {
        var tokens = Masks.masked(NORMALISER.tokens("ça me tue, je veux mourir"),
                java.util.List.of(Phrase.compile("ca me tue", NORMALISER)));
        assertThat(Phrase.compile("veux .. mourir", NORMALISER).in(tokens)).isTrue();
        assertThat(Phrase.compile("me tue", NORMALISER).in(tokens)).isFalse();
    }

    @Test
    void a_mistake_in_a_phrase_is_said_at_load() {
        assertThatThrownBy(() -> Phrase.compile(".. mourir", NORMALISER)).hasMessageContaining("starts and ends");
        assertThatThrownBy(() -> Phrase.compile("pleure [tout le temps", NORMALISER)).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Phrase.compile("a/, b", NORMALISER)).hasMessageContaining("nothing to read");
    }
}
