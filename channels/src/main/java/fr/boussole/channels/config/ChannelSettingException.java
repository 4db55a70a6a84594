package fr.boussole.channels.config;

/** A channel setting is missing or wrong: start-up stops with one line naming the variable. */
public class ChannelSettingException extends RuntimeException {

    private final String variable;

    public ChannelSettingException(String variable, String problem) {
        super(variable + ": " + problem);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
