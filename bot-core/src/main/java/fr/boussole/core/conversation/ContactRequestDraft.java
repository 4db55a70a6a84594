package fr.boussole.core.conversation;

import fr.boussole.core.message.ConversationKey;

import java.time.Instant;
import java.util.List;

/**
 * Everything a contact request needs, as the engine knows it at consent time. The caller gives it
 * an id derived from the inbound message, so that recording it twice yields one request.
 *
 * @param urgent the young person gave an urgent answer (an option marked {@code urgent} in the
 *               questionnaire) or said they were in danger during the journey: the organisation
 *               and the animateur are alerted at once, and the console shows it first
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
        Instant createdAt,
        boolean urgent) {

    public ContactRequestDraft {
        answers = List.copyOf(answers);
    }

    /** A request nobody marked urgent. */
    public ContactRequestDraft(ConversationKey conversation, String offerId, String territoryId, String theme,
                               String questionnaireId, int questionnaireVersion, int age, String communeInsee,
                               String communeName, List<Answer> answers, ContactMethod contactMethod,
                               String contactAddress, ConsentRecord consent, Instant createdAt) {
        this(conversation, offerId, territoryId, theme, questionnaireId, questionnaireVersion, age, communeInsee,
                communeName, answers, contactMethod, contactAddress, consent, createdAt, false);
    }
}
