package fr.boussole.console.alert;

import fr.boussole.console.mail.Dates;
import fr.boussole.console.mail.MailTemplates;
import fr.boussole.console.requests.RequestBook;
import fr.boussole.console.requests.RequestView;
import fr.boussole.console.settings.ConsoleSettings;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.Outbox;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.offer.ContactRequestAlerts;
import fr.boussole.core.offer.ContactRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.Locale;
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
    private final MailTemplates templates;
    private final Outbox outbox;
    private final ConsoleSettings settings;

    RequestAlerts(RequestBook requests, AlertRecipients recipients, AlertLinkService links, MailTemplates templates,
                  Outbox outbox, ConsoleSettings settings) {
        this.requests = requests;
        this.recipients = recipients;
        this.links = links;
        this.templates = templates;
        this.outbox = outbox;
        this.settings = settings;
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
            String recipient = contact.trim().toLowerCase(Locale.ROOT);
            AlertLinkService.Issued link = links.issue(request.id(), recipient);
            var email = templates.render("alert", Map.of(
                    "request", request,
                    "dueDate", Dates.day(request.dueAt()),
                    "link", link.url(),
                    "linkExpiry", Dates.day(link.expiresAt()),
                    "consoleUrl", settings.link("/console")));
            outbox.enqueue(new Delivery(Ids.derived("ob", "alert", request.id(), recipient), Channel.EMAIL,
                    recipient, null, 0, 1, email));
        }
    }
}
