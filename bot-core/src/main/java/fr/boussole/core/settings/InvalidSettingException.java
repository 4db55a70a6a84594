package fr.boussole.core.settings;

/**
 * A setting is missing, malformed or inconsistent: start-up stops with one line naming the variable
 * an operator sets ({@code PUBLIC_BASE_URL}, {@code TWILIO_AUTH_TOKEN}…). The one error type of the
 * configuration boundary, thrown by every module; the application turns it into that line.
 */
public class InvalidSettingException extends RuntimeException {

    private final String variable;
    private final String problem;

    public InvalidSettingException(String variable, String problem) {
        super(variable + ": " + problem);
        this.variable = variable;
        this.problem = problem;
    }

    /** The environment variable (or, for a setting without one, the property) to fix. */
    public String variable() {
        return variable;
    }

    public String problem() {
        return problem;
    }
}
