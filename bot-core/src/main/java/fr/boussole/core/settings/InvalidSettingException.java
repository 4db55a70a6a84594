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

    /**
     * A wrong value of a setting that has no variable of the contract: the variable an operator sets is the
     * property's own name in capitals ({@code boussole.console.max-login-failures} is set by
     * {@code BOUSSOLE_CONSOLE_MAX_LOGIN_FAILURES}), which is the name reported.
     */
    public static InvalidSettingException ofProperty(String property, String problem) {
        return new InvalidSettingException(variableOf(property), problem);
    }

    /** The environment variable that sets {@code property} by Spring's relaxed binding ({@code a.b-c} → {@code A_B_C}). */
    public static String variableOf(String property) {
        return property.replace('.', '_').replace('-', '_')
                .toUpperCase(java.util.Locale.ROOT);
    }

    /** The environment variable (or, for a setting without one, the property) to fix. */
    public String variable() {
        return variable;
    }

    public String problem() {
        return problem;
    }
}
