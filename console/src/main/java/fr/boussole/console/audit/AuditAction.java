package fr.boussole.console.audit;

/** What the audit log records. */
public enum AuditAction {
    CONTACT_DETAILS_VIEWED,
    CONTACT_DETAILS_VIEWED_BY_ALERT_LINK,
    FOLLOW_UP_RECORDED,
    REQUEST_CLOSED,
    REQUESTS_EXPORTED,
    OFFER_CREATED,
    OFFER_UPDATED,
    OFFER_ARCHIVED,
    PASSWORD_RESET,
    /** What is held about a young person looked up (counts only); the subject is a reference, not their phone or email. */
    PERSONAL_DATA_LOOKED_UP,
    /** A young person's data exported for them; the subject is a reference, not their phone or email. */
    PERSONAL_DATA_EXPORTED,
    /** A young person's data erased at their request; the subject is a reference, not their phone or email. */
    PERSONAL_DATA_ERASED,
    /** A questionnaire draft started from the one in force; the subject is the theme. */
    QUESTIONNAIRE_DRAFT_STARTED,
    /** A question of a draft added, changed, moved or deleted; the subject is the theme. */
    QUESTIONNAIRE_DRAFT_EDITED,
    /** A draft dropped without publishing; the subject is the theme. */
    QUESTIONNAIRE_DRAFT_DISCARDED,
    /** A draft published; the subject is the questionnaire and its new version ("emploi@te_lot v2"). */
    QUESTIONNAIRE_PUBLISHED,
    /** A conversation handed to a person opened in the inbox (its transcript shown); the subject is the handover. */
    CONVERSATION_VIEWED,
    CONVERSATION_TAKEN,
    CONVERSATION_REPLIED,
    CONVERSATION_RETURNED,
    /** The office hours or quiet time of a territory's desk changed; the subject is the territory. */
    DESK_HOURS_CHANGED,
    TERRITORY_CREATED,
    TERRITORY_UPDATED,
    TERRITORY_OPENED,
    TERRITORY_CLOSED,
    ORGANISATION_CREATED,
    ORGANISATION_UPDATED,
    ORGANISATION_DEACTIVATED,
    ORGANISATION_REACTIVATED,
    /** Organisations created or changed by a CSV import; the subject is the territory (or "national"). */
    ORGANISATIONS_IMPORTED,
    ACCOUNT_INVITED,
    ACCOUNT_INVITATION_RENEWED,
    ACCOUNT_CHANGED,
    ACCOUNT_DEACTIVATED,
    ACCOUNT_REACTIVATED,
    /** The invited person chose their password (the actor is their own account). */
    INVITATION_ACCEPTED,
    /** A set-password link printed by {@code --create-admin} (actor "command-line"). */
    INVITATION_ISSUED
}
