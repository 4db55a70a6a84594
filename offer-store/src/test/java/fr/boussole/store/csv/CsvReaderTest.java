package fr.boussole.store.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void quoted_fields_keep_commas_quotes_and_line_breaks() throws IOException {
        List<CsvReader.Row> rows = read("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\n");
        assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(
                List.of("a", "b, c", "say \"hi\""), List.of("two\nlines", "x", ""));
    }

    @Test
    void each_row_knows_the_line_it_starts_on_blank_lines_skipped() throws IOException {
        List<CsvReader.Row> rows = read("h1,h2\n\"multi\nline\",1\n\nlast,2");
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 5);
        assertThat(rows.getLast().fields()).containsExactly("last", "2");
    }

    @Test
    void a_byte_order_mark_is_skipped() throws IOException {
        assertThat(read("\uFEFFref,title\n").getFirst().fields()).containsExactly("ref", "title");
    }

    @Test
    void an_unclosed_quote_is_an_error_naming_the_line() {
        assertThatThrownBy(() -> read("a,b\n\"open,c\n")).isInstanceOf(IOException.class).hasMessageContaining("line 2");
    }

    @Test
    void a_quote_inside_a_field_is_a_character_and_text_after_a_closing_quote_is_kept() throws IOException {
        assertThat(read("say \"hi\",\"a\"b\n").getFirst().fields()).containsExactly("say \"hi\"", "ab");
    }

    @Test
    void crlf_cr_and_lf_line_ends_all_count_as_lines() throws IOException {
        assertThat(read("a\r\nb\rc\nd").stream().map(CsvReader.Row::line)).containsExactly(1, 2, 3, 4);
    }

    private static List<CsvReader.Row> read(String text) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(text));
        List<CsvReader.Row> rows = new ArrayList<>();
        for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }
}
