package fr.boussole.store.request;

import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.core.message.Channel;
import fr.boussole.core.offer.ContactRequests;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.Offers;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fails when a contact request's phone, consent text, answers or comments reach the store in clear,
 * when the professional no longer reads them in clear, or when a request cannot be found by the
 * lookup key of its phone.
 */
class ContactRequestSealingTest extends StoreIntegrationTest {

    private static final String PHONE = "+33600000000";

    @Autowired ContactRequests contactRequests;
    @Autowired ContactRequestRecords records;
    @Autowired Offers offers;
    @Autowired PersonalData personalData;
    @Autowired ClearContactRequests clearRequests;

    @BeforeEach
    void offer() {
        Offer offer = new Offer("of_1", "org_1", "emploi", "Job");
        offer.setContactDelayDays(4);
        offers.save(offer);
    }

    @Test
    void the_stored_document_holds_no_personal_value_in_clear_and_reads_back_clear() {
        contactRequests.record("cr_1", ContactRequestTransitionsTest.draft());
        ContactRequest request = records.findById("cr_1").orElseThrow();
        request.addFollowUp(new FollowUp("pro", ContactRequestTransitionsTest.T0, FollowUpMeans.PHONE, "rappeler le 0600000000"));
        records.save(request);

        String raw = mongo.getCollection("contactRequests").find(new Document("_id", "cr_1")).first().toJson();
        assertThat(raw).doesNotContain("600000000", "Étudiant", "etudiant", "J'accepte", "rappeler");
        assertThat(raw).contains("\"theme\": \"emploi\"", "\"communeInsee\": \"46042\"");

        ContactRequest read = records.findById("cr_1").orElseThrow();
        assertThat(read.getContactAddress()).isEqualTo(PHONE);
        assertThat(read.getConversationAddress()).isEqualTo(PHONE);
        assertThat(read.getAnswers().getFirst().labels()).containsExactly("Étudiant");
        assertThat(read.getAnswers().getFirst().values()).containsExactly("etudiant");
        assertThat(read.getConsent().textShown()).isEqualTo("J'accepte");
        assertThat(read.getFollowUps().getLast().comment()).isEqualTo("rappeler le 0600000000");
    }

    @Test
    void a_request_is_found_by_the_lookup_key_of_its_contact_or_conversation() {
        contactRequests.record("cr_1", ContactRequestTransitionsTest.draft());
        assertThat(records.findByContactLookup(personalData.lookupKey("06 00 00 00 00")))
                .extracting(ContactRequest::getId).containsExactly("cr_1");
        assertThat(records.findByConversationLookup(personalData.lookupKey(Channel.SMS, PHONE)))
                .extracting(ContactRequest::getId).containsExactly("cr_1");
        assertThat(records.findByContactLookup(personalData.lookupKey("+33600000001"))).isEmpty();
    }

    @Test
    void a_request_stored_in_clear_by_an_earlier_version_is_sealed_once_and_reads_back_clear() {
        Document old = new Document();
        mongo.getConverter().write(ContactRequest.open("cr_old", ContactRequestTransitionsTest.draft(), "org_1", 3), old);
        old.append("version", 0L);
        mongo.getCollection("contactRequests").insertOne(old);

        assertThat(clearRequests.seal()).isEqualTo(1);
        String raw = mongo.getCollection("contactRequests").find(new Document("_id", "cr_old")).first().toJson();
        assertThat(raw).doesNotContain("600000000", "Étudiant", "J'accepte");
        assertThat(records.findById("cr_old").orElseThrow().getContactAddress()).isEqualTo(PHONE);
        assertThat(records.findByContactLookup(personalData.lookupKey(PHONE))).hasSize(1);
        assertThat(clearRequests.seal()).as("nothing left in clear").isZero();
    }

    @Test
    void anonymising_removes_the_lookup_keys_too() {
        contactRequests.record("cr_1", ContactRequestTransitionsTest.draft());
        ContactRequest request = records.findById("cr_1").orElseThrow();
        request.anonymise();
        records.save(request);
        Document raw = mongo.getCollection("contactRequests").find(new Document("_id", "cr_1")).first();
        assertThat(raw).doesNotContainKeys("contactLookup", "conversationLookup", "contactAddress");
        assertThat(records.findByContactLookup(personalData.lookupKey(PHONE))).isEmpty();
    }
}
