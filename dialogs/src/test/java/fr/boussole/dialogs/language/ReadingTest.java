package fr.boussole.dialogs.language;

import fr.boussole.core.language.AgeMention;
import fr.boussole.core.language.ContactAddress;
import fr.boussole.core.language.Distress;
import fr.boussole.core.language.Intent;
import fr.boussole.core.language.PlaceMention;
import fr.boussole.core.language.Reading;
import fr.boussole.core.language.ThemeMention;
import fr.boussole.core.place.Commune;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code Understanding.read} gives for the messages of issue 11 and their neighbours. */
class ReadingTest {

    private static final FrenchUnderstanding UNDERSTANDING = FrenchUnderstanding.load();

    @Test
    void one_sentence_gives_age_commune_and_theme() {
        Reading reading = UNDERSTANDING.read("bonjour j'ai 19 ans j'habite à Cahors et je cherche un boulot");
        assertThat(reading.age()).contains(new AgeMention.Years(19));
        assertThat(reading.place()).get().extracting(p -> p.communes().getFirst().insee()).isEqualTo("46042");
        assertThat(reading.theme()).contains(new ThemeMention("emploi", Optional.empty()));
        assertThat(reading.inDistress()).isFalse();
    }

    @Test
    void facts_come_from_several_sentences_too() {
        Reading reading = UNDERSTANDING.read("Salut. 20 ans. Gourdon. Je veux un appart, mon mail c'est lea@gmial.com");
        assertThat(reading.age()).contains(new AgeMention.Years(20));
        assertThat(reading.place()).get().extracting(p -> p.communes().getFirst().name()).isEqualTo("Gourdon");
        assertThat(reading.theme()).get().extracting(ThemeMention::theme).isEqualTo("logement");
        assertThat(reading.contact()).contains(new ContactAddress.Email("lea@gmial.com", Optional.of("lea@gmail.com")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c'est payant ?", "merci", "je suis à la rue", "c'est quoi une mission locale",
            "je sais pas", "pas de souci", "ok ça marche", "t'es un robot ?", "je suis mort de rire", "mdr",
            "j'habite dans le Lot", "ça me tue"})
    void no_place_is_read_in_a_question_a_thank_you_or_a_lexicon_word(String text) {
        assertThat(UNDERSTANDING.read(text).place()).isEmpty();
    }

    @Test
    void the_issue_s_misheard_sentences_are_read_for_what_they_are() {
        assertThat(UNDERSTANDING.read("c'est payant ?").faq()).contains("gratuit");
        assertThat(UNDERSTANDING.read("merci").intent()).isEqualTo(Intent.THANKS);
        assertThat(UNDERSTANDING.read("je suis à la rue").mostPressing()).contains(new Distress(Distress.Kind.NO_SHELTER, true));
        Reading missionLocale = UNDERSTANDING.read("c'est quoi une mission locale");
        assertThat(missionLocale.age()).isEmpty();
        assertThat(missionLocale.faq()).contains("mission-locale");
        assertThat(UNDERSTANDING.read("1️⃣9️⃣").age()).contains(new AgeMention.Years(19));
        assertThat(UNDERSTANDING.read("je veux parler à une vraie personne").intent()).isEqualTo(Intent.PERSON);
    }

    @Test
    void a_named_commune_is_read_where_it_is() {
        assertThat(first(UNDERSTANDING.read("j'habite à Cahors"))).isEqualTo("46042");
        assertThat(first(UNDERSTANDING.read("jhabite pas loin de cahros"))).isEqualTo("46042");
        assertThat(first(UNDERSTANDING.read("un appart à Biars"))).isEqualTo("46029");
        assertThat(first(UNDERSTANDING.read("19 ans cahors emploi"))).isEqualTo("46042");
    }

    @Test
    void a_postal_code_gives_every_commune_that_shares_it() {
        PlaceMention place = UNDERSTANDING.read("46100").place().orElseThrow();
        assertThat(place.kind()).isEqualTo(PlaceMention.Kind.POSTAL_CODE);
        assertThat(place.communes()).hasSizeGreaterThan(10).allSatisfy(c -> assertThat(c.postalCodes()).contains("46100"));
        assertThat(place.communes().getFirst().name()).isEqualTo("Figeac");
    }

    @Test
    void homonyms_are_all_given_with_their_departement() {
        PlaceMention gourdon = UNDERSTANDING.read("gourdon").place().orElseThrow();
        assertThat(gourdon.kind()).isEqualTo(PlaceMention.Kind.EXACT_NAME);
        assertThat(gourdon.communes()).extracting(Commune::departement).contains("46", "07", "06");
        PlaceMention beaulieu = UNDERSTANDING.read("j'habite à Beaulieu").place().orElseThrow();
        assertThat(beaulieu.communes()).hasSize(10)
                .allSatisfy(c -> assertThat(c.name()).isEqualTo("Beaulieu"));
    }

    /** Every name the commune step understands today is still read as the same commune, first ("Y" and "Eu" aside: there they are words). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Cahors|46042", "cahors|46042", "CAHORS|46042", "46000|46042", "46 000|46042", "Cahors 46 000|46042",
            "Figeac 46100|46102", "46100 figeac|46102", "Figeac (46)|46102", "Gourdon 46300|46127", "Souillac|46309",
            "Saint-Céré|46251", "saint cere|46251", "St Céré|46251", "st-cere|46251", "Saintcere|46251", "Cahor|46042",
            "Cahros|46042", "Figaec|46102", "Souilac|46309", "Le Vigan|30350", "vigan|30350", "Le Vigan 46|46334",
            "Villefranche-de-Rouergue|12300", "j'habite à Figeac|46102", "Marseille|13055", "Lyon 3e|69123",
            "Paris 11eme|75056", "75011|75056", "bonjour j'habite a Cahors|46042", "Ste Maxime|83115",
            "sainte-maxime|83115", "Saint Cirq Lapopie|46256", "st cirq lapopie|46256", "Ajacio|2A004", "Toulouse|31555"})
    void what_the_commune_step_understood_is_still_read(String typed, String insee) {
        assertThat(first(UNDERSTANDING.read(typed))).isEqualTo(insee);
    }

    @Test
    void ages_come_only_from_numbers() {
        assertThat(UNDERSTANDING.read("j'ai dix-neuf ans").age()).contains(new AgeMention.Years(19));
        assertThat(UNDERSTANDING.read("je suis né en 2006").age()).contains(new AgeMention.BirthYear(2006));
        assertThat(new AgeMention.BirthYear(2006).yearsIn(2026)).isEqualTo(20);
        for (String text : List.of("une mission locale", "j'ai 2 enfants", "depuis 2 ans", "mon frère a 12 ans",
                "46100", "06 12 34 56 78", "j'ai un enfant de 3 ans", "2", "bac+2")) {
            assertThat(UNDERSTANDING.read(text).age()).as(text).isEmpty();
        }
    }

    @Test
    void a_phone_number_is_read_in_e164_with_whether_it_is_a_mobile() {
        assertThat(UNDERSTANDING.read("mon num c'est le 06 12 34 56 78 merci").contact())
                .contains(new ContactAddress.Phone("+33612345678", true));
        assertThat(UNDERSTANDING.read("05 65 12 34 56").contact()).contains(new ContactAddress.Phone("+33565123456", false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"lea@gmial.com,lea@gmail.com", "tom@hotmial.fr,tom@hotmail.fr", "sarah@yahou.fr,sarah@yahoo.fr",
            "karim@gmail.con,karim@gmail.com", "zoe@outlok.fr,zoe@outlook.fr"})
    void common_email_domain_typos_get_a_suggested_fix(String typed, String fixed) {
        assertThat(UNDERSTANDING.read(typed).contact()).contains(new ContactAddress.Email(typed, Optional.of(fixed)));
    }

    @Test
    void a_known_email_domain_gets_no_suggestion() {
        assertThat(UNDERSTANDING.read("lea@gmail.com").contact()).contains(new ContactAddress.Email("lea@gmail.com", Optional.empty()));
    }

    /** Found by a colleague: "avant@example.org" at the contact step went back a step, "effacer@..." would erase. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"avant@example.org", "retour@example.org", "stop@example.org", "effacer@example.org",
            "aide@example.org", "recommencer@gmail.com", "c'est stop@example.org"})
    void an_email_address_is_never_read_as_a_command_even_when_its_name_is_one(String text) {
        assertThat(UNDERSTANDING.read(text).intent()).isEqualTo(Intent.OTHER);
        assertThat(UNDERSTANDING.intentOf(text)).isEqualTo(Intent.OTHER);
        assertThat(UNDERSTANDING.read(text).contact()).isPresent();
    }

    @Test
    void the_words_around_an_email_address_still_say_what_they_say() {
        assertThat(UNDERSTANDING.intentOf("stop")).isEqualTo(Intent.STOP);
        assertThat(UNDERSTANDING.intentOf("retour")).isEqualTo(Intent.BACK);
        assertThat(UNDERSTANDING.read("oui lea@gmail.com").intent()).isEqualTo(Intent.YES);
    }

    @Test
    void a_change_of_mind_names_the_new_theme() {
        Reading reading = UNDERSTANDING.read("non en fait plutôt formation");
        assertThat(reading.changeOfMind()).isTrue();
        assertThat(reading.theme()).get().extracting(ThemeMention::theme).isEqualTo("formation");
        Reading two = UNDERSTANDING.read("pas l'emploi, finalement plutôt la santé");
        assertThat(two.theme()).get().extracting(ThemeMention::theme).isEqualTo("sante");
    }

    @Test
    void a_sub_theme_is_read_where_the_words_say_one() {
        assertThat(UNDERSTANDING.read("je cherche un job d'été").theme())
                .contains(new ThemeMention("emploi", Optional.of("saisonnier")));
        assertThat(UNDERSTANDING.read("un stage à l'étranger").theme()).get()
                .extracting(ThemeMention::theme).isEqualTo("mobilite-internationale");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "jveu plu vivre|SUICIDE", "me suicidé|SUICIDE", "jsui a la rue ce soir|NO_SHELTER",
            "mon beau pere me frappe|VIOLENCE", "je me scarifie|SELF_HARM", "j'ai envie de me suicider|SUICIDE",
            "je veux plus vivre|SUICIDE"})
    void the_issue_s_distress_messages_are_caught(String text, Distress.Kind kind) {
        assertThat(UNDERSTANDING.read(text).distress()).extracting(Distress::kind).contains(kind);
    }

    @Test
    void danger_now_is_said() {
        assertThat(UNDERSTANDING.read("jsui a la rue ce soir").mostPressing()).contains(new Distress(Distress.Kind.NO_SHELTER, true));
        assertThat(UNDERSTANDING.read("j'ai avalé tous mes cachets").mostPressing()).get().extracting(Distress::now).isEqualTo(true);
        assertThat(UNDERSTANDING.read("je pense au suicide").mostPressing()).contains(new Distress(Distress.Kind.SUICIDE, false));
    }

    @Test
    void an_emergency_housing_request_is_both_a_theme_and_the_115() {
        Reading reading = UNDERSTANDING.read("je cherche un logement d'urgence");
        assertThat(reading.distress()).containsExactly(new Distress(Distress.Kind.NO_SHELTER, false));
        assertThat(reading.theme()).contains(new ThemeMention("logement", Optional.of("hebergement-urgence")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"je suis mort de rire", "ça me tue", "tu me tues", "je me suis coupé les cheveux",
            "je me tape 1h de bus", "je suis crevé", "j'en ai marre des questions", "ma batterie va mourir",
            "j'ai pris un doliprane pour ma migraine"})
    void figures_of_speech_are_not_distress(String text) {
        assertThat(UNDERSTANDING.read(text).inDistress()).isFalse();
    }

    @Test
    void an_empty_message_says_nothing() {
        assertThat(UNDERSTANDING.read("")).isEqualTo(Reading.nothing());
        assertThat(UNDERSTANDING.read(null)).isEqualTo(Reading.nothing());
        assertThat(UNDERSTANDING.read("   ")).isEqualTo(Reading.nothing());
    }

    private static String first(Reading reading) {
        return reading.place().map(p -> p.communes().getFirst().insee()).orElse("none");
    }
}
