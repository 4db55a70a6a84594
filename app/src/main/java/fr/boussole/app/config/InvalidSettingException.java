package fr.boussole.app.config;

/** A setting is missing, malformed or inconsistent: start-up stops with one line naming it. */
public class InvalidSettingException extends RuntimeException {

    private final String variable;
    private final String problem;

    public InvalidSettingException(String variable, String problem) {
        super(variable + ": " + problem);
        this.variable = variable;
        this.problem = problem;
    }

    public String variable() {
        return variable;
    }

    public String problem() {
        return problem;
    }
}
