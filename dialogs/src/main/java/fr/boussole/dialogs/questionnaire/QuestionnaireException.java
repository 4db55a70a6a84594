package fr.boussole.dialogs.questionnaire;

/** A questionnaire file that cannot be used; the message names the file and the step. */
public class QuestionnaireException extends RuntimeException {
    public QuestionnaireException(String message) {
        super(message);
    }
}
