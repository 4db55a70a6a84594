package fr.boussole.console.reminders;

import fr.boussole.console.alert.AlertRecipients;
import fr.boussole.console.mail.Dates;
import fr.boussole.console.mail.MailTemplates;
import fr.boussole.console.requests.RequestBook;
import fr.boussole.console.requests.RequestView;
import fr.boussole.console.settings.ConsoleSettings;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.Outbox;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps promises: on the day a request falls due and nobody has contacted the young person yet, the
 * organisation is reminded; once it is overdue, the animateurs of the territory are told. Each email
 * goes once per request and recipient (derived outbox id, remembered in {@code console_reminders_sent}).
 */
@Service
public class KeptPromises {

    private final RequestBook requests;
    private final AlertRecipients recipients;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final ReminderMarks marks;
    private final ConsoleSettings settings;
    private final Clock clock;

    KeptPromises(RequestBook requests, AlertRecipients recipients, MailTemplates templates, Outbox outbox,
                 ReminderMarks marks, ConsoleSettings settings, Clock clock) {
        this.requests = requests;
        this.recipients = recipients;
        this.templates = templates;
        this.outbox = outbox;
        this.marks = marks;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${boussole.reminders-cron:0 */15 * * * *}", zone = "Europe/Paris")
    @SchedulerLock(name = "console-kept-promises", lockAtMostFor = "10m")
    public void run() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(Dates.PARIS).toLocalDate();
        for (RequestView request : requests.open()) {
            if (request.firstContactAt() != null) {
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
            String recipient = address.trim().toLowerCase(Locale.ROOT);
            String id = Ids.derived("ob", kind, request.id(), recipient);
            if (marks.existsById(id)) {
                continue;
            }
            var email = templates.render(kind, Map.of(
                    "request", request,
                    "dueDate", Dates.day(request.dueAt()),
                    "link", settings.link("/console/demandes/" + request.id())));
            outbox.enqueue(new Delivery(id, Channel.EMAIL, recipient, null, 0, 1, email));
            marks.save(new ReminderMark(id, request.id(), clock.instant()));
        }
    }
}
