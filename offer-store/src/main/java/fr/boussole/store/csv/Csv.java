package fr.boussole.store.csv;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV format of the application, read and written with Apache Commons CSV: RFC 4180 (comma,
 * double quotes, CRLF between records), blank lines ignored when reading, text after a closing
 * quote kept. What is ours on top: {@link FormulaGuard} on every cell a spreadsheet could run, and
 * {@link CsvReader}'s line numbers for the import's problem report.
 */
public final class Csv {

    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setTrailingData(true)
            .get();

    private Csv() {}

    /** A printer of records in {@link #FORMAT}; print cells with {@link #printGuarded}. */
    public static CSVPrinter printer(Writer out) throws IOException {
        return new CSVPrinter(out, FORMAT);
    }

    /** Prints one record, each cell through {@link FormulaGuard#guard} (null as an empty cell). */
    public static void printGuarded(CSVPrinter printer, String... cells) throws IOException {
        Object[] guarded = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            guarded[i] = cells[i] == null ? "" : FormulaGuard.guard(cells[i]);
        }
        printer.printRecord(guarded);
    }
}
