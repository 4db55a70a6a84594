package fr.boussole.store.promise;

import fr.boussole.core.offer.ContactRequestAlerts;
import fr.boussole.core.offer.ContactRequests;
import fr.boussole.store.mail.Dates;
import fr.boussole.store.request.RequestBook;
import fr.boussole.store.request.RequestView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.Map;

/**
 * Emails each alert contact of the organisation at each new request, with a personal link to it. The
 * outbox id is derived from the request and the recipient, so a replay after a crash sends nothing twice.
 */
@Service
public class RequestAlerts implements ContactRequestAlerts {

    private static final Logger log = LoggerFactory.getLogger(RequestAlerts.class);

    private final RequestBook requests;
    private final AlertRecipients recipients;
    private final AlertLinkService links;
    private final PromiseMails mails;

    RequestAlerts(RequestBook requests, AlertRecipients recipients, AlertLinkService links, PromiseMails mails) {
        this.requests = requests;
        this.recipients = recipients;
        this.links = links;
        this.mails = mails;
    }

    @Override
    public void requestRecorded(ContactRequests.Recorded recorded) {
        RequestView request = requests.find(recorded.requestId()).orElseThrow(() ->
                new IllegalStateException("recorded request not found: " + recorded.requestId()));
        var contacts = recipients.alertContactsOf(request.organisationId());
        if (contacts.isEmpty()) {
            log.warn("Organisation {} has no alert contact: request {} is only in the console",
                    request.organisationId(), request.id());
        }
        for (String contact : contacts) {
            String recipient = PromiseMails.recipient(contact);
            AlertLinkService.Issued link = links.issue(request.id(), recipient);
            mails.send("alert", request, recipient, Map.of("link", link.url(), "linkExpiry", Dates.day(link.expiresAt())));
        }
    }
}
