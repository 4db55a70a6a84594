package fr.boussole.store.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV formula guard: what it neutralises, and that the import gets back exactly what was exported. */
class FormulaGuardTest {

    private static final List<String> VALUES = List.of("=SUM(A1:A9)", "+33 5 65 00 00 00", "- une liste", "@cmd",
            "\tcaché", "\rretour", "=", "'", "''", "'=déjà protégé", "''+deux fois", "'simple citation", "l'été",
            "Atelier CV", "", "1-2", "a=b", "x'=y");

    /** Fails if a cell starting with a formula character goes out without the leading quote (OWASP). */
    @Test
    void a_cell_a_spreadsheet_would_run_gets_a_leading_quote() {
        for (String trigger : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(FormulaGuard.guard(trigger + "1+1")).isEqualTo("'" + trigger + "1+1");
        }
        assertThat(FormulaGuard.guard("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
    }

    @Test
    void ordinary_text_is_left_as_it_is() {
        for (String value : List.of("Atelier CV", "l'été", "'simple citation", "1-2", "a=b", "", "'")) {
            assertThat(FormulaGuard.guard(value)).isEqualTo(value);
        }
        assertThat(FormulaGuard.guard(null)).isNull();
    }

    /** Fails if a value that already starts with a quote before a formula character loses it on the way back. */
    @Test
    void a_value_that_looks_guarded_already_gets_one_more_quote() {
        assertThat(FormulaGuard.guard("'=déjà protégé")).isEqualTo("''=déjà protégé");
        assertThat(FormulaGuard.unguard("''=déjà protégé")).isEqualTo("'=déjà protégé");
    }

    /** Fails if import(export(value)) is not the value, for any of the awkward values. */
    @Test
    void unguard_undoes_guard_for_every_value() {
        for (String value : VALUES) {
            assertThat(FormulaGuard.unguard(FormulaGuard.guard(value))).as(value).isEqualTo(value);
            String cell = FormulaGuard.guard(value);
            assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).as(value).isTrue();
        }
    }
}
