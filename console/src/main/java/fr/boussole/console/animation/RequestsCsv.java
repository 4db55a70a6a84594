package fr.boussole.console.animation;

import fr.boussole.console.mail.Dates;
import fr.boussole.console.requests.RequestView;
import fr.boussole.store.csv.FormulaGuard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * CSV exports (RFC 4180, UTF-8, header row). The request export holds no contact details: it is for
 * statistics and follow-up of delays, not for calling people.
 */
public final class RequestsCsv {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(Dates.PARIS);

    private RequestsCsv() {}

    public static void requests(List<RequestView> requests, Instant now, Writer out) {
        row(out, "id", "created_at", "due_at", "delay_days", "organisation_id", "organisation", "offer_id", "offer",
                "theme", "age", "commune", "contact_method", "status", "outcome", "first_contact_at",
                "kept_promise", "overdue");
        for (RequestView r : requests) {
            row(out, r.id(), ISO.format(r.createdAt()), ISO.format(r.dueAt()), String.valueOf(r.delayDays()),
                    r.organisationId(), r.organisationName(), r.offerId(), r.offerTitle(), r.theme(),
                    String.valueOf(r.age()), r.communeName(), r.contactMethod().name(), r.status().name(),
                    r.outcome() == null ? "" : r.outcome().name(),
                    r.firstContactAt() == null ? "" : ISO.format(r.firstContactAt()),
                    String.valueOf(r.keptPromise()), String.valueOf(r.overdueAt(now)));
        }
    }

    /** The yearly activity report: one row per theme plus a total row. */
    public static void yearlyReport(int year, List<RequestView> requests, List<SearchView> searches, Writer out) {
        row(out, "year", "theme", "searches", "searches_without_result", "requests", "contacted",
                "contacted_within_delay", "median_hours_to_first_contact", "reached_and_helped");
        var themes = new java.util.TreeSet<String>();
        requests.forEach(r -> themes.add(r.theme()));
        searches.forEach(s -> themes.add(s.theme()));
        for (String theme : themes) {
            yearRow(out, year, theme, requests.stream().filter(r -> theme.equals(r.theme())).toList(),
                    searches.stream().filter(s -> theme.equals(s.theme())).toList());
        }
        yearRow(out, year, "total", requests, searches);
    }

    private static void yearRow(Writer out, int year, String theme, List<RequestView> requests, List<SearchView> searches) {
        var stats = new TerritoryStats(requests, List.of(), searches, Instant.MAX);
        Duration median = stats.medianTimeToFirstContact();
        row(out, String.valueOf(year), theme, String.valueOf(searches.size()),
                String.valueOf(searches.stream().filter(s -> s.offersFound() == 0).count()),
                String.valueOf(requests.size()),
                String.valueOf(requests.stream().filter(r -> r.firstContactAt() != null).count()),
                String.valueOf(requests.stream().filter(RequestView::keptPromise).count()),
                median == null ? "" : String.valueOf(median.toHours()),
                String.valueOf(requests.stream().filter(r -> r.outcome() == fr.boussole.console.requests.Outcome.REACHED_AND_HELPED).count()));
    }

    /** One CSV row, each cell quoted when needed and guarded against formulas ({@link #escape}). */
    public static void row(Writer out, String... cells) {
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(escape(cells[i]));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quotes when needed, and defuses cells a spreadsheet would read as a formula ({@link FormulaGuard}). */
    static String escape(String cell) {
        String value = cell == null ? "" : FormulaGuard.guard(cell);
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
