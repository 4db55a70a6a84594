package fr.boussole.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Gsm7Test {

    @Test
    void keeps_the_accented_letters_that_gsm7_has() {
        assertThat(Gsm7.transliterate("été à Cahors, où ça? Ça va")).isEqualTo("été à Cahors, où ca? Ça va");
        assertThat(Gsm7.transliterate("è ù ì ò é à Ç É ñ ü ö ä")).isEqualTo("è ù ì ò é à Ç É ñ ü ö ä");
    }

    @Test
    void spells_the_other_french_letters_without_their_accent() {
        assertThat(Gsm7.transliterate("être, âge, île, hôtel, sûr, Noël, naïf, ç")).isEqualTo("etre, age, ile, hotel, sur, Noel, naif, c");
        assertThat(Gsm7.transliterate("Ê Â Î Ô Û È À Ù")).isEqualTo("E A I O U E A U");
    }

    @Test
    void rewrites_ligatures_quotes_and_ellipsis() {
        assertThat(Gsm7.transliterate("cœur, Œuvre, l’offre, «oui», “ok”, attends…")).isEqualTo("coeur, OEuvre, l'offre, \"oui\", \"ok\", attends...");
        assertThat(Gsm7.transliterate("15 – 30 ans — voilà")).isEqualTo("15 - 30 ans - voilà");
    }

    @Test
    void drops_emoji_and_replaces_the_meaningful_ones() {
        assertThat(Gsm7.transliterate("Bravo 🎉 c'est fait ✅")).isEqualTo("Bravo c'est fait v");
        assertThat(Gsm7.transliterate("Appelle 📞 le 05")).isEqualTo("Appelle Tel le 05");
        assertThat(Gsm7.transliterate("👍🏽")).isEmpty();
    }

    @Test
    void replaces_unspaced_non_breaking_spaces() {
        assertThat(Gsm7.transliterate("Bonjour\u00A0!\u202FÇa va ?")).isEqualTo("Bonjour ! Ça va ?");
    }

    @Test
    void counts_segments_as_operators_bill_them() {
        assertThat(Gsm7.segments("a".repeat(160))).isEqualTo(1);
        assertThat(Gsm7.segments("a".repeat(161))).isEqualTo(2);
        assertThat(Gsm7.segments("a".repeat(306))).isEqualTo(2);
        assertThat(Gsm7.segments("a".repeat(307))).isEqualTo(3);
        assertThat(Gsm7.septets("€[]")).isEqualTo(6);
        assertThat(Gsm7.segments("€".repeat(80))).isEqualTo(1);
        assertThat(Gsm7.segments("€".repeat(81))).isEqualTo(2);
    }
}
