package fr.boussole.channels.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a wrong channel setting into Spring Boot's short start-up failure report instead of a stack trace. */
public class ChannelSettingFailureAnalyzer extends AbstractFailureAnalyzer<ChannelSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ChannelSettingException cause) {
        return new FailureAnalysis("Invalid setting " + cause.getMessage(),
                "Set " + cause.variable() + " correctly (see docs/channels.md) and start again.", cause);
    }
}
