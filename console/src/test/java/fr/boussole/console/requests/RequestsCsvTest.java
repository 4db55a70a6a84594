package fr.boussole.console.requests;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestsCsvTest {

    @Test
    void cells_are_quoted_when_needed_and_formulas_are_defused() throws Exception {
        var out = new java.io.StringWriter();
        var printer = fr.boussole.store.csv.Csv.printer(out);
        fr.boussole.store.csv.Csv.printGuarded(printer, "Cahors", "Un job, un CV", "dit \"oui\"", "=HYPERLINK(\"x\")", null);
        printer.flush();
        assertThat(out.toString()).isEqualTo("Cahors,\"Un job, un CV\",\"dit \"\"oui\"\"\",\"'=HYPERLINK(\"\"x\"\")\",\r\n");
    }
}
