package fr.boussole.store.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 records, parsed by Apache Commons CSV ({@link Csv#FORMAT}), each with the line of the
 * file it starts on, so that our import can name the line and column of a problem. A leading
 * byte-order mark is skipped (spreadsheets write one), and so are blank lines. The input is read
 * whole first (imports are bounded by the upload limit): a record's line is counted from the
 * character position the parser gives it.
 */
public final class CsvReader {

    /** One record and the (1-based) line of the file it starts on. */
    public record Row(int line, List<String> fields) {}

    private final String text;
    private final Iterator<CSVRecord> records;
    /** Line breaks counted in {@code text} before {@code countedTo}. */
    private int countedTo;
    private int breaks;
    private int lastLine;

    public CsvReader(Reader in) throws IOException {
        java.io.StringWriter all = new java.io.StringWriter();
        in.transferTo(all);
        String read = all.toString();
        this.text = read.startsWith("\uFEFF") ? read.substring(1) : read;
        this.records = CSVParser.builder().setReader(new StringReader(text)).setFormat(Csv.FORMAT).get().iterator();
    }

    public static List<List<String>> readAll(Reader in) throws IOException {
        CsvReader reader = new CsvReader(in);
        List<List<String>> rows = new ArrayList<>();
        for (Row row = reader.next(); row != null; row = reader.next()) {
            rows.add(row.fields());
        }
        return rows;
    }

    /**
     * The next record, or null at the end of the input.
     *
     * @throws IOException naming the line after the last good record when a quoted field is never closed
     */
    public Row next() throws IOException {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            throw new IOException("line " + (lastLine + 1) + " or after: a quoted field is not closed", e.getCause());
        }
        // The parser's position is where it started looking: past any blank lines lies the record.
        int start = (int) record.getCharacterPosition();
        while (start < text.length() && (text.charAt(start) == '\r' || text.charAt(start) == '\n')) {
            start++;
        }
        lastLine = lineAt(start);
        return new Row(lastLine, record.toList());
    }

    /** The 1-based line of a character position; positions only grow, so counting goes on from the last. */
    private int lineAt(int position) {
        for (int i = countedTo; i < position; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                breaks++;
            }
        }
        countedTo = Math.max(countedTo, position);
        return breaks + 1;
    }
}
