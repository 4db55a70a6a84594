package fr.boussole.console.requests;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.store.mail.Dates;
import fr.boussole.store.request.Outcome;
import fr.boussole.store.request.RequestBook;
import fr.boussole.store.request.RequestView;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Locale;

/** Records follow-ups and closures, and writes them to the audit log. */
@Service
public class FollowUps {

    private final RequestBook book;
    private final AuditLog audit;
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final Clock clock;

    FollowUps(RequestBook book, AuditLog audit, Clock clock) {
        this.book = book;
        this.audit = audit;
        this.clock = clock;
        messages.setBasename("console-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    /** {@code author} is an account id, or "alert:" + email for a follow-up logged through an alert link. */
    public void record(RequestView request, String author, FollowUpForm form) {
        var at = form.at().atZone(Dates.PARIS).toInstant();
        if (at.isAfter(clock.instant())) {
            at = clock.instant();
        }
        if (form.closing() && !request.done()) {
            book.recordFollowUpAndClose(request.id(), author, at, form.means(), form.comment().strip(), form.outcome(),
                    clock.instant());
            audit.record(request.territoryId(), request.organisationId(), author, AuditAction.FOLLOW_UP_RECORDED, request.id());
            audit.record(request.territoryId(), request.organisationId(), author, AuditAction.REQUEST_CLOSED, request.id());
            return;
        }
        book.recordFollowUp(request.id(), author, at, form.means(), form.comment().strip(), form.outcome());
        audit.record(request.territoryId(), request.organisationId(), author, AuditAction.FOLLOW_UP_RECORDED, request.id());
    }

    /** "Je l'ai contacté", from the alert email: the young person was reached, noted as a follow-up. */
    public void confirmContacted(RequestView request, String author) {
        book.confirmContacted(request.id(), author, clock.instant(),
                messages.getMessage("followup.one-click.contacted", null, Locale.FRENCH));
        audit.record(request.territoryId(), request.organisationId(), author, AuditAction.FOLLOW_UP_RECORDED, request.id());
    }

    /** "Ce n'est pas pour nous", from the alert email: closed with the reason given (and a comment, if any). */
    public void closeAsNotForUs(RequestView request, String author, Outcome reason, String comment) {
        String note = comment == null || comment.isBlank()
                ? messages.getMessage("followup.one-click.not-for-us", null, Locale.FRENCH) : comment.strip();
        book.close(request.id(), author, clock.instant(), reason, note);
        audit.record(request.territoryId(), request.organisationId(), author, AuditAction.REQUEST_CLOSED, request.id());
    }
}
