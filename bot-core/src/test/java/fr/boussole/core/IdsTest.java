package fr.boussole.core;

import fr.boussole.core.ids.Ids;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void derived_ids_are_stable_and_tell_their_sources_apart() {
        assertThat(Ids.derived("cr", "a", "bc")).isEqualTo(Ids.derived("cr", "a", "bc"))
                .isNotEqualTo(Ids.derived("cr", "ab", "c"))
                .startsWith("cr_").hasSize(3 + 26);
    }

    @Test
    void random_ids_differ() {
        assertThat(Ids.random("ob")).isNotEqualTo(Ids.random("ob")).matches("ob_[0-9a-z]{26}");
    }
}
