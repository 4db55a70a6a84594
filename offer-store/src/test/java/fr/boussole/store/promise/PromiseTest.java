package fr.boussole.store.promise;

import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.offer.ContactRequests;
import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.account.Accounts;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.territory.Territories;
import fr.boussole.testing.RecordingOutbox;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Base of the promises' tests: the store alone, its in-memory outbox, a world made fresh for each test. */
abstract class PromiseTest extends StoreIntegrationTest {

    /** A Monday morning: a request made now with three days promised falls due on Thursday 5 March. */
    static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");

    @Autowired
    Territories territories;
    @Autowired
    Organisations organisations;
    @Autowired
    Offers offers;
    @Autowired
    Accounts accounts;
    @Autowired
    ContactRequests contactRequests;
    @Autowired
    RecordingOutbox outbox;

    @BeforeEach
    void mondayAndAnEmptyOutbox() {
        clock.set(MONDAY);
        outbox.clear();
    }

    PromiseWorld world() {
        return new PromiseWorld(territories, organisations, offers, accounts, contactRequests);
    }

    List<DeliveryPayload.Email> emailsTo(String recipient) {
        return outbox.enqueued().values().stream().filter(d -> d.recipient().equals(recipient))
                .map(d -> (DeliveryPayload.Email) d.payload()).toList();
    }

    DeliveryPayload.Email emailTo(String recipient) {
        var emails = emailsTo(recipient);
        assertThat(emails).as("emails to " + recipient).hasSize(1);
        return emails.getFirst();
    }
}
