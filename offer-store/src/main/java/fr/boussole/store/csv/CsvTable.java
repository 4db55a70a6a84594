package fr.boussole.store.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file read against one of our formats: the header's columns matched by name (any order,
 * case-insensitive, unknown ones ignored), then every record with its line, its cells by column with
 * the formula guard undone. Problems of the file's shape (empty, a column twice or missing, a quote left
 * open, a row of another width) are reported by line and column like those of the values.
 */
final class CsvTable<C extends Enum<C> & CsvColumn> {

    /** One record: its line (1 is the header) and its cells by column. */
    record Row<C extends Enum<C>>(int line, Map<C, String> cells) {
        String get(C column) {
            return cells.get(column);
        }
    }

    private final List<Row<C>> rows;
    private final int recordCount;
    private final boolean unreadable;

    private CsvTable(List<Row<C>> rows, int recordCount, boolean unreadable) {
        this.rows = rows;
        this.recordCount = recordCount;
        this.unreadable = unreadable;
    }

    /** True when a quoted field was left open: the records after it cannot be told apart, nothing may be imported. */
    boolean unreadable() {
        return unreadable;
    }

    /** The data records read, well-formed or not. */
    int recordCount() {
        return recordCount;
    }

    /** The records of the right width, to validate. */
    List<Row<C>> rows() {
        return rows;
    }

    /** Reads the file; adds its shape problems to {@code problems}. Null when no record can be read at all. */
    static <C extends Enum<C> & CsvColumn> CsvTable<C> read(Reader csv, Class<C> type, List<ImportProblem> problems)
            throws IOException {
        CsvReader reader = new CsvReader(csv);
        CsvReader.Row header = reader.next();
        if (header == null) {
            problems.add(ImportProblem.of(1, null, "empty-file"));
            return null;
        }
        Map<Integer, C> columns = columns(header, type, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        List<CsvReader.Row> records = new ArrayList<>();
        try {
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                records.add(row);
            }
        } catch (IOException unreadable) {
            problems.add(ImportProblem.of(records.isEmpty() ? 2 : records.getLast().line() + 1, null, "unclosed-quote"));
            return new CsvTable<>(List.of(), records.size(), true);
        }
        int width = header.fields().size();
        List<Row<C>> rows = new ArrayList<>();
        for (CsvReader.Row record : records) {
            if (record.fields().size() != width) {
                problems.add(ImportProblem.of(record.line(), null, "field-count", record.fields().size(), width));
                continue;
            }
            Map<C, String> cells = new EnumMap<>(type);
            // An exported file carries formula guards: the values are what the export was given.
            columns.forEach((index, column) -> cells.put(column, FormulaGuard.unguard(record.fields().get(index))));
            rows.add(new Row<>(record.line(), cells));
        }
        return new CsvTable<>(rows, records.size(), false);
    }

    private static <C extends Enum<C> & CsvColumn> Map<Integer, C> columns(CsvReader.Row header, Class<C> type,
                                                                            List<ImportProblem> problems) {
        Map<String, C> byName = new HashMap<>();
        for (C column : type.getEnumConstants()) {
            byName.put(column.header(), column);
        }
        Map<Integer, C> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            C column = byName.get(name);
            if (column != null && columns.containsValue(column)) {
                problems.add(ImportProblem.of(header.line(), name, "duplicate-column"));
            } else if (column != null) {
                columns.put(i, column);
            }
        }
        for (C column : type.getEnumConstants()) {
            if (column.required() && !columns.containsValue(column)) {
                problems.add(ImportProblem.of(header.line(), column.header(), "missing-column"));
            }
        }
        return columns;
    }

    /** Writes the header and the rows, each cell quoted as needed and guarded against formulas. */
    static <C extends Enum<C> & CsvColumn, T> void write(java.io.Writer out, Class<C> type, List<T> items,
                                                         java.util.function.BiFunction<T, C, String> cell) throws IOException {
        C[] columns = type.getEnumConstants();
        org.apache.commons.csv.CSVPrinter printer = Csv.printer(out);
        printer.printRecord(java.util.Arrays.stream(columns).map(CsvColumn::header).toArray());
        for (T item : items) {
            Csv.printGuarded(printer, java.util.Arrays.stream(columns).map(c -> cell.apply(item, c)).toArray(String[]::new));
        }
        printer.flush();
    }
}
