package fr.boussole.store.promise;

import fr.boussole.core.ids.Ids;
import fr.boussole.store.mail.Dates;
import fr.boussole.store.request.RequestView;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * An email that hands an alert contact their links to one request: the page (contact details and
 * follow-up form) and the two one-click answers, "Je l'ai contacté" and "Ce n'est pas pour nous".
 * Sent at each new request ({@code alert}) and when an expired link asks for a fresh one
 * ({@code fresh-link}).
 */
@Component
class AlertMail {

    private final AlertLinkService links;
    private final PromiseMails mails;

    AlertMail(AlertLinkService links, PromiseMails mails) {
        this.links = links;
        this.mails = mails;
    }

    /** The alert of a new request: one email per request and recipient, whatever the replays. */
    void alert(RequestView request, String recipient) {
        send(PromiseMails.deliveryId("alert", request.id(), recipient), "alert", request, recipient);
    }

    /** A fresh set of links, under an outbox id of its own (several may be sent over the days). */
    void freshLinks(RequestView request, String recipient, String occasion) {
        send(Ids.derived("ob", "fresh-link", request.id(), recipient, occasion), "fresh-link", request, recipient);
    }

    private void send(String deliveryId, String kind, RequestView request, String recipient) {
        AlertLinkService.Issued page = links.issue(request.id(), recipient, LinkAction.OPEN);
        AlertLinkService.Issued contacted = links.issue(request.id(), recipient, LinkAction.CONTACTED);
        AlertLinkService.Issued notForUs = links.issue(request.id(), recipient, LinkAction.NOT_FOR_US);
        mails.send(deliveryId, kind, request, recipient, Map.of("link", page.url(),
                "linkExpiry", Dates.day(page.expiresAt()), "contactedLink", contacted.url(),
                "notForUsLink", notForUs.url()));
    }
}
