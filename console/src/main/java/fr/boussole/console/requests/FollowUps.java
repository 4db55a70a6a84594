package fr.boussole.console.requests;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.store.mail.Dates;
import fr.boussole.store.request.RequestBook;
import fr.boussole.store.request.RequestView;
import org.springframework.stereotype.Service;

import java.time.Clock;

/** Records follow-ups and closures, and writes them to the audit log. */
@Service
public class FollowUps {

    private final RequestBook book;
    private final AuditLog audit;
    private final Clock clock;

    FollowUps(RequestBook book, AuditLog audit, Clock clock) {
        this.book = book;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code author} is an account id, or "alert:" + email for a follow-up logged through an alert link. */
    public void record(RequestView request, String author, FollowUpForm form) {
        var at = form.at().atZone(Dates.PARIS).toInstant();
        if (at.isAfter(clock.instant())) {
            at = clock.instant();
        }
        book.recordFollowUp(request.id(), author, at, form.means(), form.comment().strip(), form.outcome());
        audit.record(request.territoryId(), request.organisationId(), author, AuditAction.FOLLOW_UP_RECORDED, request.id());
        if (form.closing() && !request.done()) {
            book.close(request.id(), author, clock.instant(), form.outcome(), form.comment().strip());
            audit.record(request.territoryId(), request.organisationId(), author, AuditAction.REQUEST_CLOSED, request.id());
        }
    }
}
