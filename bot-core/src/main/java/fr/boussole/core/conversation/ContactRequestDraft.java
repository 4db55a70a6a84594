package fr.boussole.core.conversation;

import fr.boussole.core.message.ConversationKey;

import java.time.Instant;
import java.util.List;

/**
 * Everything a contact request needs, as the engine knows it at consent time. The caller gives it
 * an id derived from the inbound message, so that recording it twice yields one request.
 */
public record ContactRequestDraft(
        ConversationKey conversation,
        String offerId,
        String territoryId,
        String theme,
        String questionnaireId,
        int questionnaireVersion,
        int age,
        String communeInsee,
        String communeName,
        List<Answer> answers,
        ContactMethod contactMethod,
        String contactAddress,
        ConsentRecord consent,
        Instant createdAt) {

    public ContactRequestDraft {
        answers = List.copyOf(answers);
    }
}
