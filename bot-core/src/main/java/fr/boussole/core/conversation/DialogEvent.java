package fr.boussole.core.conversation;

import fr.boussole.core.followup.ContactChecks;
import fr.boussole.core.message.OutboundMessage;

/** What the engine asks the outside world to do after a turn. A closed set: callers switch over it. */
public sealed interface DialogEvent {

    /** Send this message to the young person on the conversation's channel. */
    record Reply(OutboundMessage message) implements DialogEvent {}

    /** The young person asked to be contacted and gave explicit consent: record the request. */
    record ContactRequested(ContactRequestDraft draft) implements DialogEvent {}

    /** An anonymous search for statistics: no personal data. */
    record SearchRecorded(String communeInsee, String territoryId, String theme, int offersFound) implements DialogEvent {}

    /** The young person asked to erase their data: delete the conversation's personal data. */
    record ErasureRequested() implements DialogEvent {}

    /** Opt-out: send nothing more until the young person writes again. */
    record OptedOut() implements DialogEvent {}

    /** The young person wrote again after an opt-out. */
    record OptedIn() implements DialogEvent {}

    /**
     * How far a journey went in its questionnaire, for the drop-off funnel: a question reached (asked
     * for the first time in the journey), answered (the first time), the questionnaire completed (offers
     * shown) or a request made. Anonymous: which territory, questionnaire, version and question, nothing
     * of who; {@code questionId} is null for {@link Stage#COMPLETED} and {@link Stage#REQUESTED}.
     */
    record QuestionnaireProgress(String territoryId, String questionnaireId, int version, String questionId,
                                 Stage stage) implements DialogEvent {

        /** The funnel's stages, in order. */
        public enum Stage { REACHED, ANSWERED, COMPLETED, REQUESTED }
    }

    /** The young person answered "were you contacted?" about this request: record it (a "no" alerts). */
    record ContactCheckAnswered(String requestId, ContactChecks.Answer answer) implements DialogEvent {}

    /**
     * After a request left them without help, the young person accepted the offer proposed instead:
     * record a new request to it, made of the previous one (same contact, same answers) with this
     * consent. No personal data travels in the event: the store has it.
     */
    record AnotherOfferRequested(String previousRequestId, String offerId, ConsentRecord consent) implements DialogEvent {}

    /**
     * The young person wants a person to answer: open a conversation in the inbox of the territory's
     * desk, with the transcript. The caller gives it an id derived from the message.
     *
     * @param reason {@code asked} (they asked for someone) or {@code not-understood} (the bot failed twice)
     */
    record HandoverRequested(String territoryId, String reason) implements DialogEvent {}

    /** The young person wrote while a person holds the conversation: the bot stayed quiet. */
    record HandoverHeard() implements DialogEvent {}

    /** The bot took the conversation back by itself ({@code quiet-time}, {@code stop}, {@code erase}, {@code restart}). */
    record HandoverEnded(String reason) implements DialogEvent {}
}
