package fr.boussole.console.animation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestsCsvTest {

    @Test
    void cells_are_quoted_when_needed_and_formulas_are_defused() {
        assertThat(RequestsCsv.escape("Cahors")).isEqualTo("Cahors");
        assertThat(RequestsCsv.escape("Un job, un CV")).isEqualTo("\"Un job, un CV\"");
        assertThat(RequestsCsv.escape("dit \"oui\"")).isEqualTo("\"dit \"\"oui\"\"\"");
        assertThat(RequestsCsv.escape("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(RequestsCsv.escape(null)).isEmpty();
    }
}
