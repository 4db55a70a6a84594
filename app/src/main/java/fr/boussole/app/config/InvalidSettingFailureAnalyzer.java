package fr.boussole.app.config;

import fr.boussole.core.settings.InvalidSettingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad setting, whichever module found it, into Spring Boot's start-up report: one line naming
 * the variable. The only failure analyzer: bot-core's exception is the only error type of a setting.
 */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis("Invalid setting " + cause.variable() + ": " + cause.problem(),
                "Fix " + cause.variable() + " (see docs/platform.md) and start again.", cause);
    }
}
