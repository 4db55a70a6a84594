package fr.boussole.store.rights;

import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.core.conversation.Answer;
import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.rights.DataRights;
import fr.boussole.core.rights.DataSubject;
import fr.boussole.core.rights.HeldRecord;
import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.request.ContactRequest;
import fr.boussole.store.request.ContactRequestRecords;
import fr.boussole.store.request.MongoContactRequests;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Contact requests found by the contact left (phone, or email whatever its case) or by the
 * conversation they came from; exported in clear; anonymised on a person's erasure, kept on a
 * conversation's. Fails if a request of the subject is missed, another's touched, or the statistics lost.
 */
class ContactRequestDataTest extends StoreIntegrationTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired ContactRequestData holder;
    @Autowired MongoContactRequests contactRequests;
    @Autowired ContactRequestRecords records;
    @Autowired Offers offers;

    @BeforeEach
    void requests() {
        offers.save(new Offer("of_1", "org_1", "emploi", "Job"));
        contactRequests.record("cr_sms", draft(new ConversationKey(Channel.SMS, "+33612345678"), ContactMethod.PHONE, "+33612345678", 19));
        contactRequests.record("cr_web", draft(new ConversationKey(Channel.WEB, "session-lea-0001"), ContactMethod.EMAIL, "Lea.Martin@Example.org", 24));
        contactRequests.record("cr_other", draft(new ConversationKey(Channel.SMS, "+33699999999"), ContactMethod.PHONE, "+33699999999", 20));
    }

    @Test
    void an_email_finds_its_requests_whatever_the_case_and_their_conversations() {
        DataRights rights = new DataRights(List.of(holder));
        DataSubject lea = DataSubject.parse("lea.martin@example.org").orElseThrow();

        assertThat(rights.footprint(lea).conversations()).containsExactly(new ConversationKey(Channel.WEB, "session-lea-0001"));
        List<HeldRecord> held = rights.export(lea);
        assertThat(held).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("contact-request");
            assertThat(r.fields()).containsEntry("contactAddress", "Lea.Martin@Example.org").containsEntry("age", "24")
                    .containsEntry("answer:Ta situation ?", "Étudiant").containsKey("consentText");
        });
    }

    @Test
    void a_person_erased_leaves_anonymous_statistics_and_others_untouched() {
        DataRights rights = new DataRights(List.of(holder));

        assertThat(rights.erase(new DataSubject.Phone("+33612345678"), T0)).containsEntry("contact-request", 1);

        Document raw = mongo.findById("cr_sms", Document.class, "contactRequests");
        assertThat(raw.toJson()).doesNotContain("612345678").doesNotContain("Étudiant").doesNotContain("Cahors");
        assertThat(raw.getString("ageBand")).isEqualTo("18-21");
        assertThat(raw.getString("theme")).isEqualTo("emploi");
        assertThat(raw.getString("offerId")).isEqualTo("of_1");
        assertThat(raw.getString("territoryId")).isEqualTo("te_lot");
        assertThat(raw.getString("status")).isEqualTo("NEW");
        assertThat(records.findById("cr_other").orElseThrow().getContactAddress()).isEqualTo("+33699999999");
        assertThat(records.findById("cr_web").orElseThrow().isAnonymised()).isFalse();
        assertThat(rights.export(new DataSubject.Phone("+33612345678"))).as("nothing left to find").isEmpty();
    }

    @Test
    void a_conversation_erased_by_message_or_by_retention_keeps_its_requests_with_the_organisation() {
        DataRights rights = new DataRights(List.of(holder));
        ConversationKey sms = new ConversationKey(Channel.SMS, "+33612345678");

        rights.erase(new DataSubject.Writer(sms, 12), T0);
        rights.erase(new DataSubject.Idle(sms, T0), T0);

        ContactRequest kept = records.findById("cr_sms").orElseThrow();
        assertThat(kept.isAnonymised()).isFalse();
        assertThat(kept.getContactAddress()).isEqualTo("+33612345678");
    }

    static ContactRequestDraft draft(ConversationKey conversation, ContactMethod method, String contact, int age) {
        return new ContactRequestDraft(conversation, "of_1", "te_lot", "emploi", "emploi", 1, age, "46042", "Cahors",
                List.of(new Answer("situation", "Ta situation ?", List.of("etudiant"), List.of("Étudiant"))),
                method, contact, new ConsentRecord("J'accepte d'être contacté au " + contact, "v1", T0, conversation.channel()), T0);
    }
}
