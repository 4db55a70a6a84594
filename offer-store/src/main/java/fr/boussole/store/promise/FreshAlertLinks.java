package fr.boussole.store.promise;

import fr.boussole.store.request.RequestBook;
import fr.boussole.store.request.RequestView;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Optional;

/**
 * "Send me a fresh link": a link that expired (or any link of an alert) asks for a new set of links
 * to the same request, sent to the alert contact it was sent to, never anywhere else. Only while the
 * request is open and the recipient is still an alert contact of its organisation, and once an hour
 * per link at most.
 */
@Service
public class FreshAlertLinks {

    static final Duration AT_MOST_EVERY = Duration.ofHours(1);

    /** What became of the asking. */
    public enum Result {
        /** A fresh link is on its way to the address the alert went to. */
        SENT,
        /** One was sent for this link less than an hour ago. */
        TOO_SOON,
        /** The request is closed or gone, or the address no longer receives its organisation's alerts. */
        NOT_AVAILABLE
    }

    private final AlertLinkService links;
    private final RequestBook requests;
    private final AlertRecipients recipients;
    private final AlertMail mail;

    FreshAlertLinks(AlertLinkService links, RequestBook requests, AlertRecipients recipients, AlertMail mail) {
        this.links = links;
        this.requests = requests;
        this.recipients = recipients;
        this.mail = mail;
    }

    public Result send(String token) {
        Optional<AlertLink> link = links.find(token);
        if (link.isEmpty()) {
            return Result.NOT_AVAILABLE;
        }
        Optional<RequestView> request = requests.find(link.get().requestId())
                .filter(r -> !r.done() && r.contactAddress() != null);
        boolean stillAlerted = request.isPresent() && recipients.alertContactsOf(request.get().organisationId()).stream()
                .map(PromiseMails::recipient).anyMatch(link.get().recipient()::equals);
        if (!stillAlerted) {
            return Result.NOT_AVAILABLE;
        }
        Optional<AlertLink> claimed = links.claimReissue(token, AT_MOST_EVERY);
        if (claimed.isEmpty()) {
            return Result.TOO_SOON;
        }
        mail.freshLinks(request.get(), link.get().recipient(), claimed.get().tokenHash() + "@" + claimed.get().reissuedAt());
        return Result.SENT;
    }
}
