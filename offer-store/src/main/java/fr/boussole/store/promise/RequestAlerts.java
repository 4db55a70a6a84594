package fr.boussole.store.promise;

import fr.boussole.core.offer.ContactRequestAlerts;
import fr.boussole.core.offer.ContactRequests;
import fr.boussole.store.request.RequestBook;
import fr.boussole.store.request.RequestView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.Map;

/**
 * Emails each alert contact of the organisation at each new request, with a personal link to it and
 * the two one-click answers ({@link AlertMail}). The outbox id is derived from the request and the
 * recipient, so a replay after a crash sends nothing twice.
 * An urgent request (an urgent answer, or a young person who said they were in danger) says so in the
 * subject and first line, and its territory's animateurs are told at once too, with a link to its console
 * page (they sign in: no personal link, they are not the ones who promised).
 */
@Service
public class RequestAlerts implements ContactRequestAlerts {

    private static final Logger log = LoggerFactory.getLogger(RequestAlerts.class);

    private final RequestBook requests;
    private final AlertRecipients recipients;
    private final AlertMail mail;
    private final PromiseMails mails;

    RequestAlerts(RequestBook requests, AlertRecipients recipients, AlertMail mail, PromiseMails mails) {
        this.requests = requests;
        this.recipients = recipients;
        this.mail = mail;
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
            mail.alert(request, PromiseMails.recipient(contact));
        }
        if (request.urgent()) {
            recipients.animateursOf(request.territoryId()).stream().map(PromiseMails::recipient).distinct()
                    .filter(animateur -> contacts.stream().map(PromiseMails::recipient).noneMatch(animateur::equals))
                    .forEach(animateur -> mails.send("urgent", request, animateur, Map.of()));
        }
    }
}
