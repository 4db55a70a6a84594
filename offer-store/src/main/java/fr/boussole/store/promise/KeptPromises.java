package fr.boussole.store.promise;

import fr.boussole.store.mail.Dates;
import fr.boussole.store.request.RequestBook;
import fr.boussole.store.request.RequestView;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Keeps promises: on the day a request falls due and nobody has contacted the young person yet, the
 * organisation is reminded; once it is overdue, the animateurs of the territory are told. Each email
 * goes once per request and recipient (derived outbox id, remembered in {@link ReminderMarks}).
 */
@Service
public class KeptPromises {

    private final RequestBook requests;
    private final AlertRecipients recipients;
    private final PromiseMails mails;
    private final ReminderMarks marks;
    private final Clock clock;

    KeptPromises(RequestBook requests, AlertRecipients recipients, PromiseMails mails, ReminderMarks marks, Clock clock) {
        this.requests = requests;
        this.recipients = recipients;
        this.mails = mails;
        this.marks = marks;
        this.clock = clock;
    }

    @Scheduled(cron = "${boussole.store.promises.reminders-cron:0 */15 * * * *}", zone = "Europe/Paris")
    @SchedulerLock(name = "console-kept-promises", lockAtMostFor = "10m")
    public void run() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(Dates.PARIS).toLocalDate();
        for (RequestView request : requests.open()) {
            // anonymised (its contact gone), a request can no longer be acted on: no one is reminded of it,
            // and its reminders' marks may go (PromiseMarksRetention)
            if (request.firstContactAt() != null || request.contactAddress() == null) {
                continue;
            }
            if (request.overdueAt(now)) {
                send("overdue", request, recipients.animateursOf(request.territoryId()));
            } else if (request.dueAt().atZone(Dates.PARIS).toLocalDate().equals(today)) {
                send("due-today", request, recipients.alertContactsOf(request.organisationId()));
            }
        }
    }

    private void send(String kind, RequestView request, List<String> to) {
        for (String address : to) {
            String recipient = PromiseMails.recipient(address);
            String id = PromiseMails.deliveryId(kind, request.id(), recipient);
            if (marks.existsById(id)) {
                continue;
            }
            mails.send(kind, request, recipient, Map.of());
            marks.save(new ReminderMark(id, request.id(), clock.instant()));
        }
    }
}
