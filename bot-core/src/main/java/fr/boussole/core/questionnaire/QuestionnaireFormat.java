package fr.boussole.core.questionnaire;

/**
 * The text form of a questionnaire (YAML, the form of the bundled files): what a territory's versions
 * are stored and exported in, so that every version stays readable and comparable by a reviewer.
 */
public interface QuestionnaireFormat {

    /**
     * Reads a questionnaire and checks it against {@link QuestionnaireRules}.
     *
     * @param origin names the text in the error message (a file name, a stored version)
     * @throws QuestionnaireException naming the origin and the step when the text is not a valid questionnaire
     */
    Questionnaire read(String origin, String text);

    /** The text that {@link #read} gives back as an equal questionnaire. */
    String write(Questionnaire questionnaire);
}
