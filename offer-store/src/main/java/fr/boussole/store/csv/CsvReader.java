package fr.boussole.store.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated, double quotes around fields that hold commas, quotes
 * or line breaks, a doubled quote for a quote. Gives each record with the line it starts on, so
 * that errors can name it. A leading byte-order mark is skipped (spreadsheets write one).
 */
public final class CsvReader {

    /** One record and the (1-based) line of the file it starts on. */
    public record Row(int line, List<String> fields) {}

    private final Reader in;
    private int line = 1;
    private int pushedBack = -2;
    private boolean first = true;

    public CsvReader(Reader in) {
        this.in = in;
    }

    public static List<List<String>> readAll(Reader in) throws IOException {
        CsvReader reader = new CsvReader(in);
        List<List<String>> rows = new ArrayList<>();
        for (Row row = reader.next(); row != null; row = reader.next()) {
            rows.add(row.fields());
        }
        return rows;
    }

    /** The next record, or null at the end of the input. Blank lines are skipped. */
    public Row next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        unread(d);
                    }
                }
                line++;
                continue;
            }
            unread(c);
            int start = line;
            return new Row(start, record());
        }
    }

    private List<String> record() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new IOException("line " + line + ": a quoted field is not closed");
                } else if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        unread(d);
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        unread(d);
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        int c = in.read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = in.read();
            }
        }
        return c;
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
