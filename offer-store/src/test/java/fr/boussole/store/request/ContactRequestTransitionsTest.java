package fr.boussole.store.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.boussole.core.conversation.Answer;
import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

public class ContactRequestTransitionsTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    public static ContactRequestDraft draft() {
        return new ContactRequestDraft(new ConversationKey(Channel.SMS, "+33600000000"), "of_1", "te_lot", "emploi",
                "emploi", 1, 19, "46042", "Cahors",
                List.of(new Answer("situation", "Ta situation ?", List.of("etudiant"), List.of("Étudiant"))),
                ContactMethod.PHONE, "+33600000000", new ConsentRecord("J'accepte", "v1", T0, Channel.SMS), T0);
    }

    @Test
    void a_new_request_is_due_after_the_offer_delay() {
        ContactRequest request = ContactRequest.open("cr_1", draft(), "org_1", 3);
        assertThat(request.getStatus()).isEqualTo(RequestStatus.NEW);
        assertThat(request.getDueAt()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(request.isOverdue(Instant.parse("2026-11-26T10:00:01Z"))).isTrue();
    }

    @Test
    void a_request_goes_through_in_progress_and_contacted_to_closed() {
        ContactRequest request = ContactRequest.open("cr_1", draft(), "org_1", 3);
        request.start("pro", T0);
        request.markContacted(new FollowUp("pro", T0, FollowUpMeans.PHONE, "rdv mardi"));
        request.close(Outcome.REACHED_AND_HELPED, null, T0);
        assertThat(request.getStatus()).isEqualTo(RequestStatus.CLOSED);
        assertThat(request.getOutcome()).isEqualTo(Outcome.REACHED_AND_HELPED);
        assertThat(request.getFollowUps()).hasSize(2);
        assertThat(request.isOverdue(Instant.parse("2027-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void illegal_transitions_throw() {
        ContactRequest request = ContactRequest.open("cr_1", draft(), "org_1", 3);
        assertThatThrownBy(() -> request.markContacted(new FollowUp("pro", T0, FollowUpMeans.PHONE, null)))
                .isInstanceOf(IllegalTransitionException.class);
        request.close(Outcome.UNREACHABLE, null, T0);
        assertThatThrownBy(() -> request.start("pro", T0)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> request.addFollowUp(new FollowUp("pro", T0, FollowUpMeans.SMS, null)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> request.close(Outcome.OTHER, null, T0)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void a_follow_up_on_a_new_request_takes_it_in_hand() {
        ContactRequest request = ContactRequest.open("cr_1", draft(), "org_1", 3);
        request.addFollowUp(new FollowUp("pro", T0, FollowUpMeans.SMS, "message laissé"));
        assertThat(request.getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    void anonymising_removes_contact_details_and_answers_values() {
        ContactRequest request = ContactRequest.open("cr_1", draft(), "org_1", 3);
        request.anonymise();
        assertThat(request.getContactAddress()).isNull();
        assertThat(request.getConversationAddress()).isNull();
        assertThat(request.getAnswers()).allSatisfy(a -> assertThat(a.values()).isEmpty());
        assertThat(request.getTheme()).isEqualTo("emploi");
        assertThat(request.isAnonymised()).isTrue();
    }

    @Test
    void the_one_click_contacted_takes_a_new_request_to_contacted_at_once_and_refuses_a_closed_one() {
        ContactRequest fresh = ContactRequest.open("cr_1", draft(), "org_1", 3);
        fresh.confirmContacted(new FollowUp("alert:pro@structure.test", T0, FollowUpMeans.OTHER, "d'un clic"));
        assertThat(fresh.getStatus()).isEqualTo(RequestStatus.CONTACTED);
        assertThat(fresh.getFollowUps()).hasSize(1);

        fresh.confirmContacted(new FollowUp("alert:pro@structure.test", T0, FollowUpMeans.OTHER, "encore"));
        assertThat(fresh.getStatus()).isEqualTo(RequestStatus.CONTACTED);
        assertThat(fresh.getFollowUps()).hasSize(2);

        ContactRequest closed = ContactRequest.open("cr_2", draft(), "org_1", 3);
        closed.close(Outcome.NOT_ELIGIBLE, null, T0);
        assertThatThrownBy(() -> closed.confirmContacted(new FollowUp("pro", T0, FollowUpMeans.OTHER, "x")))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void the_closing_reasons_that_leave_the_young_person_without_help_are_the_ones_that_call_for_another_offer() {
        assertThat(java.util.Arrays.stream(Outcome.values()).filter(Outcome::leftWithoutHelp))
                .containsExactly(Outcome.REACHED_NOT_WHAT_NEEDED, Outcome.UNREACHABLE, Outcome.NOT_ELIGIBLE,
                        Outcome.NO_LONGER_AVAILABLE);
    }
}
