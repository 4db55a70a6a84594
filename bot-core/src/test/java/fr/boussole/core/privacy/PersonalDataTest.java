package fr.boussole.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Fails when one phone or email written two ways gets two lookup keys, or a lookup key shows the value. */
class PersonalDataTest {

    private static final SealedField TEXT = new SealedField("inbound_messages", "in_1", "text");
    private final PersonalData data = PersonalData.generate();

    @Test
    void texts_round_trip_and_null_stays_null() {
        assertThat(data.open(data.seal("J'ai 17 ans, à Cahors", TEXT), TEXT)).isEqualTo("J'ai 17 ans, à Cahors");
        assertThat(data.seal(null, TEXT)).isNull();
        assertThat(data.open(null, TEXT)).isNull();
    }

    @Test
    void one_phone_number_written_the_usual_ways_has_one_lookup_key() {
        String key = data.lookupKey("+33612345678");
        assertThat(data.lookupKey("06 12 34 56 78")).isEqualTo(key);
        assertThat(data.lookupKey("06.12.34.56.78")).isEqualTo(key);
        assertThat(data.lookupKey("0033 6 12 34 56 78")).isEqualTo(key);
        assertThat(data.lookupKey("+33 (0)6 12 34 56 78")).isEqualTo(key);
        assertThat(data.lookupKey(Channel.SMS, "+33612345678")).isEqualTo(key);
        assertThat(data.lookupKey("+33612345679")).isNotEqualTo(key);
        assertThat(key).doesNotContain("612345678").hasSize(43);
    }

    @Test
    void an_email_is_looked_up_whatever_its_case() {
        assertThat(data.lookupKey(" Lea.Martin@Example.org")).isEqualTo(data.lookupKey("lea.martin@example.org"));
    }

    @Test
    void chat_ids_are_hashed_as_they_are() {
        assertThat(data.lookupKey(Channel.TELEGRAM, "-100123456")).isNotEqualTo(data.lookupKey(Channel.TELEGRAM, "100123456"));
    }

    @Test
    void lookup_keys_depend_on_the_secret_key() {
        assertThat(PersonalData.generate().lookupKey("+33612345678")).isNotEqualTo(data.lookupKey("+33612345678"));
    }

    @Test
    void a_conversation_ref_names_the_channel_and_hides_the_address() {
        String ref = data.conversationRef(new ConversationKey(Channel.WHATSAPP, "+33612345678"));
        assertThat(ref).isEqualTo("whatsapp:" + data.lookupKey("+33612345678"));
    }

    @Test
    void resealing_moves_old_values_to_the_current_key_and_leaves_current_ones_alone() {
        String oldSetting = KeyRing.newKeySetting("k1");
        LookupKey lookup = LookupKey.parse(LookupKey.newKeySetting());
        String sealedBefore = new PersonalData(KeyRing.parse(oldSetting), lookup).seal("texte", TEXT);
        PersonalData rotated = new PersonalData(KeyRing.parse(KeyRing.newKeySetting("k2") + "," + oldSetting), lookup);
        String resealed = rotated.reseal(sealedBefore, TEXT);
        assertThat(resealed).startsWith("k2!");
        assertThat(rotated.open(resealed, TEXT)).isEqualTo("texte");
        assertThat(rotated.reseal(resealed, TEXT)).isSameAs(resealed);
    }

    /** Fails if the re-seal leaves a value of the earlier form unbound, or binds it to another place than its own. */
    @Test
    void resealing_binds_a_value_of_the_earlier_form_to_its_place() throws Exception {
        String setting = KeyRing.newKeySetting("k1");
        PersonalData same = new PersonalData(KeyRing.parse(setting), LookupKey.parse(LookupKey.newKeySetting()));
        String legacy = KeyRingTest.unbound(setting, "k1", "texte");
        String bound = same.reseal(legacy, TEXT);
        assertThat(bound).startsWith("k1!");
        assertThat(same.open(bound, TEXT)).isEqualTo("texte");
        assertThatThrownBy(() -> same.open(bound, TEXT.field("choiceId"))).isInstanceOf(SealingException.class);
    }

    @Test
    void a_short_lookup_key_is_refused() {
        assertThatThrownBy(() -> LookupKey.parse(Base64.getEncoder().encodeToString(new byte[31])))
                .hasMessageContaining("at least 32");
    }
}
