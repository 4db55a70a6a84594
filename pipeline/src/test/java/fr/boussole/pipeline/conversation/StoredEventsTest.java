package fr.boussole.pipeline.conversation;

import fr.boussole.core.conversation.Answer;
import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.followup.ContactChecks;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.OutboundMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored turn's events come back equal: a replay after a crash carries out exactly what the engine asked. */
class StoredEventsTest {

    @Test
    void every_kind_of_event_survives_its_stored_form() {
        Instant at = Instant.parse("2026-11-23T10:15:30.123456Z");
        ConversationKey key = new ConversationKey(Channel.TELEGRAM, "123456");
        List<DialogEvent> events = List.of(
                new DialogEvent.Reply(new OutboundMessage("Bonjour ! Quel thème ?", List.of(new Choice("emploi", "Emploi")), true)),
                new DialogEvent.ContactRequested(new ContactRequestDraft(key, "offer-1", "lot", "emploi", "q", 2, 19,
                        "46042", "Cahors", List.of(new Answer("situation", "Votre situation ?", List.of("etudiant"), List.of("Étudiant"))),
                        ContactMethod.EMAIL, "a@example.org", new ConsentRecord("J'accepte", "v1", at, Channel.TELEGRAM), at)),
                new DialogEvent.SearchRecorded("46042", "lot", "emploi", 3),
                new DialogEvent.ErasureRequested(),
                new DialogEvent.OptedOut(),
                new DialogEvent.OptedIn(),
                new DialogEvent.ContactCheckAnswered("cr_1", ContactChecks.Answer.NOT_YET),
                new DialogEvent.QuestionnaireProgress("lot", "emploi@lot", 2, "situation",
                        DialogEvent.QuestionnaireProgress.Stage.ANSWERED),
                new DialogEvent.QuestionnaireProgress("lot", "emploi", 1, null, DialogEvent.QuestionnaireProgress.Stage.REQUESTED),
                new DialogEvent.Reply(new OutboundMessage("Bonne nouvelle !", List.of(), false, true)),
                new DialogEvent.AnotherOfferRequested("cr_1", "offer-2", new ConsentRecord("J'envoie ?", "v1", at, Channel.TELEGRAM)),
                new DialogEvent.HandoverRequested("lot", "asked"),
                new DialogEvent.HandoverHeard(),
                new DialogEvent.HandoverEnded("quiet-time"));

        assertThat(StoredEvents.read(StoredEvents.write(events))).isEqualTo(events);
    }

    @Test
    void the_test_above_covers_every_event_type() {
        assertThat(Arrays.stream(DialogEvent.class.getPermittedSubclasses()).map(Class::getSimpleName))
                .containsExactlyInAnyOrder("Reply", "ContactRequested", "SearchRecorded", "ErasureRequested", "OptedOut", "OptedIn",
                        "ContactCheckAnswered", "QuestionnaireProgress", "AnotherOfferRequested", "HandoverRequested",
                        "HandoverHeard", "HandoverEnded");
    }
}
