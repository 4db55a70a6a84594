package fr.boussole.dialogs.commune;

import fr.boussole.core.place.Commune;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommunesTest {

    private static final Communes COMMUNES = Communes.load();

    @Test
    void every_current_commune_of_france_is_loaded() {
        assertThat(COMMUNES.size()).isEqualTo(34_969);
        assertThat(COMMUNES.byInsee("46042")).get().extracting(Commune::name).isEqualTo("Cahors");
        assertThat(COMMUNES.byInsee("2A004")).get().extracting(Commune::name).isEqualTo("Ajaccio");
        assertThat(COMMUNES.byInsee("99999")).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Cahors|46042",
            "cahors|46042",
            "CAHORS|46042",
            "46000|46042",
            "46 000|46042",
            "Cahors 46 000|46042",
            "Figeac 46100|46102",
            "46100 figeac|46102",
            "Figeac (46)|46102",
            "Gourdon 46300|46127",
            "Souillac|46309",
            "Saint-Céré|46251",
            "saint cere|46251",
            "St Céré|46251",
            "st-cere|46251",
            "Saintcere|46251",
            "Cahor|46042",
            "Cahros|46042",
            "Figaec|46102",
            "Souilac|46309",
            "Le Vigan|30350",
            "vigan|30350",
            "Le Vigan 46|46334",
            "Villefranche-de-Rouergue|12300",
            "j'habite à Figeac|46102",
            "Marseille|13055",
            "Y|80829",
            "Eu|76255",
            "Lyon 3e|69123",
            "Paris 11eme|75056",
            "75011|75056",
            "bonjour j'habite a Cahors|46042",
            "Ste Maxime|83115",
            "sainte-maxime|83115",
            "Saint Cirq Lapopie|46256",
            "st cirq lapopie|46256",
            "Ajacio|2A004",
    })
    void finds_the_commune_meant_first(String typed, String insee) {
        assertThat(COMMUNES.resolve(typed)).isNotEmpty().first().extracting(Commune::insee).isEqualTo(insee);
    }

    @Test
    void a_postal_code_shared_by_several_communes_gives_all_of_them_largest_first() {
        List<Commune> found = COMMUNES.resolve("46100");
        assertThat(found).hasSizeGreaterThan(10).allSatisfy(c -> assertThat(c.postalCodes()).contains("46100"));
        assertThat(found.getFirst().name()).isEqualTo("Figeac");
        assertThat(found).isSortedAccordingTo((a, b) -> Integer.compare(b.population(), a.population()));
    }

    @Test
    void homonyms_across_departements_are_all_offered_most_populated_first() {
        List<Commune> found = COMMUNES.resolve("Saint-Denis");
        assertThat(found).hasSizeGreaterThan(1).hasSizeLessThanOrEqualTo(Communes.MAX_RESULTS)
                .allSatisfy(c -> assertThat(c.name()).isEqualTo("Saint-Denis"));
        assertThat(found.getFirst().departement()).isEqualTo("974");
        assertThat(found.stream().map(Commune::departement).distinct()).hasSizeGreaterThan(1);
    }

    @Test
    void a_departement_number_picks_the_homonym() {
        assertThat(COMMUNES.resolve("Saint-Denis 93")).first().extracting(Commune::insee).isEqualTo("93066");
    }

    @Test
    void the_first_words_of_longer_names_find_them_largest_first() {
        assertThat(COMMUNES.resolve("Villefranche")).hasSize(Communes.MAX_RESULTS)
                .allSatisfy(c -> assertThat(c.name()).startsWith("Villefranche-"))
                .isSortedAccordingTo((a, b) -> Integer.compare(b.population(), a.population()));
    }

    @Test
    void an_exact_name_hides_names_a_letter_away() {
        assertThat(COMMUNES.resolve("Figeac")).extracting(Commune::name).containsExactly("Figeac");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xqzwvtk", "blablabla truc", "$where", "{\"$where\": \"1\"}", "🙂", "🙂🙂🙂", "?", "   ", "12",
            "00000", "je sais pas"})
    void nonsense_finds_nothing(String typed) {
        assertThat(COMMUNES.resolve(typed)).isEmpty();
    }

    @Test
    void ten_kilobytes_of_text_are_refused_at_once() {
        assertThat(COMMUNES.resolve("Cahors ".repeat(1500))).isEmpty();
        assertThat(COMMUNES.resolve(null)).isEmpty();
    }
}
