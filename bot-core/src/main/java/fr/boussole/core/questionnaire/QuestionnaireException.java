package fr.boussole.core.questionnaire;

/**
 * A questionnaire text that cannot be used (bundled file or stored version); the message names where
 * (the file, the step) so that whoever edited it finds the line.
 */
public class QuestionnaireException extends RuntimeException {
    public QuestionnaireException(String message) {
        super(message);
    }
}
