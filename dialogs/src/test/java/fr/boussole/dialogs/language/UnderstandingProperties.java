package fr.boussole.dialogs.language;

import fr.boussole.core.language.Intent;
import fr.boussole.core.language.Reading;
import fr.boussole.core.message.Choice;
import fr.boussole.core.place.Commune;
import fr.boussole.dialogs.commune.Communes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever is typed, understanding answers without failing, and within what it was offered. */
class UnderstandingProperties {

    private static final FrenchUnderstanding UNDERSTANDING = FrenchUnderstanding.load();
    private static final Communes COMMUNES = Communes.load();
    private static final List<Choice> CHOICES = List.of(new Choice("emploi", "Emploi"),
            new Choice("formation", "Formation"), new Choice("logement", "Logement"), new Choice("sante", "Santé"));

    @Provide
    Arbitrary<String> typed() {
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> frenchish = Arbitraries.strings().withChars("abcdeéèêàçôùïœ'’- 0123456789?!.,👍🙂")
                .ofMaxLength(60);
        return Arbitraries.oneOf(anything, frenchish);
    }

    @Property(tries = 300)
    void the_normal_form_is_stable(@ForAll("typed") String text) {
        String normal = UNDERSTANDING.normalise(text);
        assertThat(normal).doesNotContain("  ").isEqualTo(normal.strip()).isEqualTo(normal.toLowerCase());
        assertThat(UNDERSTANDING.normalise(normal)).isEqualTo(normal);
    }

    @Property(tries = 300)
    void an_intent_is_always_given(@ForAll("typed") String text) {
        assertThat(UNDERSTANDING.intentOf(text)).isIn((Object[]) Intent.values());
    }

    @Property(tries = 300)
    void a_choice_found_is_one_of_those_offered(@ForAll("typed") String text) {
        UNDERSTANDING.choiceIn(text, CHOICES).ifPresent(choice -> assertThat(CHOICES).contains(choice));
    }

    @Property(tries = 300)
    void numbers_are_never_negative(@ForAll("typed") String text) {
        UNDERSTANDING.numberIn(text).ifPresent(n -> assertThat(n).isNotNegative());
    }

    @Property(tries = 300)
    void communes_found_are_few_and_real(@ForAll("typed") String text) {
        List<Commune> found = COMMUNES.resolve(text);
        assertThat(found).doesNotHaveDuplicates();
        found.forEach(c -> assertThat(COMMUNES.byInsee(c.insee())).contains(c));
        if (found.size() > Communes.MAX_RESULTS) {
            // only a postal code lists more: all of its communes
            assertThat(found).allSatisfy(c -> assertThat(c.postalCodes()).isNotEmpty());
        }
    }

    @Property(tries = 300)
    void a_reading_is_always_given_and_holds_real_communes(@ForAll("typed") String text) {
        Reading reading = UNDERSTANDING.read(text);
        assertThat(reading.intent()).isIn((Object[]) Intent.values());
        reading.place().ifPresent(place -> {
            assertThat(place.communes()).isNotEmpty().doesNotHaveDuplicates();
            assertThat(text.toLowerCase(java.util.Locale.ROOT)).isNotEmpty();
        });
        reading.age().ifPresent(age -> assertThat(age.yearsIn(2026)).isBetween(-100, 200));
    }
}
