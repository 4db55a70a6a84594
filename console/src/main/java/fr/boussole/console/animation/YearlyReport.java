package fr.boussole.console.animation;

import fr.boussole.console.requests.RequestsCsv;
import fr.boussole.store.request.Outcome;
import fr.boussole.store.request.RequestView;
import fr.boussole.store.search.SearchView;

import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/** The territory's yearly activity report as CSV: one row per theme plus a total row. */
final class YearlyReport {

    private YearlyReport() {}

    static void write(int year, List<RequestView> requests, List<SearchView> searches, Writer out) {
        RequestsCsv.row(out, "year", "theme", "searches", "searches_without_result", "requests", "contacted",
                "contacted_within_delay", "median_hours_to_first_contact", "reached_and_helped");
        var themes = new TreeSet<String>();
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
        RequestsCsv.row(out, String.valueOf(year), theme, String.valueOf(searches.size()),
                String.valueOf(searches.stream().filter(s -> s.offersFound() == 0).count()),
                String.valueOf(requests.size()),
                String.valueOf(requests.stream().filter(r -> r.firstContactAt() != null).count()),
                String.valueOf(requests.stream().filter(RequestView::keptPromise).count()),
                median == null ? "" : String.valueOf(median.toHours()),
                String.valueOf(requests.stream().filter(r -> r.outcome() == Outcome.REACHED_AND_HELPED).count()));
    }
}
