package fr.boussole.console.requests;

import fr.boussole.store.csv.Csv;
import fr.boussole.store.mail.Dates;
import fr.boussole.store.request.RequestView;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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

    /** One record, its cells guarded against formulas (the yearly report writes its rows with it too). */
    public static void row(Writer out, String... cells) {
        try {
            CSVPrinter printer = Csv.printer(out);
            Csv.printGuarded(printer, cells);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
