package fr.boussole.store.promise;

import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.Outbox;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.settings.PublicBaseUrl;
import fr.boussole.store.mail.Dates;
import fr.boussole.store.mail.MailTemplates;
import fr.boussole.store.request.RequestView;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The promises' emails about one request, handed to the outbox under an id derived from the kind,
 * the request and the recipient: a replay after a crash, or a second instance, sends nothing twice.
 * Templates and labels are in {@code store/mail/}.
 */
@Component
class PromiseMails {

    private final MailTemplates templates = MailTemplates.store();
    private final Outbox outbox;
    private final PublicBaseUrl publicBaseUrl;

    PromiseMails(Outbox outbox, PublicBaseUrl publicBaseUrl) {
        this.outbox = outbox;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** An address as the outbox keys it: trimmed, lower case. */
    static String recipient(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    static String deliveryId(String kind, String requestId, String recipient) {
        return Ids.derived("ob", kind, requestId, recipient);
    }

    /**
     * Renders the {@code kind} email about the request (with its due date and, unless given, a link to
     * its console page) and enqueues it for the recipient.
     */
    void send(String kind, RequestView request, String recipient, Map<String, Object> more) {
        send(deliveryId(kind, request.id(), recipient), kind, request, recipient, more);
    }

    /** As {@link #send(String, RequestView, String, Map)}, under an outbox id of the caller's (a mail sent more than once). */
    void send(String deliveryId, String kind, RequestView request, String recipient, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("request", request);
        variables.put("dueDate", Dates.day(request.dueAt()));
        variables.put("link", publicBaseUrl.of("/console/demandes/" + request.id()));
        variables.put("consoleUrl", publicBaseUrl.of("/console"));
        variables.putAll(more);
        outbox.enqueue(new Delivery(deliveryId, Channel.EMAIL, recipient, null, 0, 1,
                templates.render(kind, variables)));
    }
}
