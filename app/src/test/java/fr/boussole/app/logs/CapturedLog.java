package fr.boussole.app.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Every event that reaches the root logger, rendered as an operator would read it: level, logger,
 * message with its arguments, MDC, key-value pairs and the whole throwable chain (messages of causes
 * and suppressed exceptions included, as a stack trace prints them).
 */
final class CapturedLog extends AppenderBase<ILoggingEvent> {

    private final List<String> lines = new ArrayList<>();

    /** Attaches to the root logger (again if Spring Boot's logging system reset it) and sets {@code fr.boussole} to DEBUG. */
    static CapturedLog attach(CapturedLog log) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        context.getLogger("fr.boussole").setLevel(Level.DEBUG);
        if (root.getAppender("privacy") == null) {
            log.setName("privacy");
            log.setContext(context);
            log.start();
            root.addAppender(log);
        }
        return log;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ').append(event.getLoggerName())
                .append(" [").append(event.getThreadName()).append("] ").append(event.getFormattedMessage());
        event.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        if (event.getKeyValuePairs() != null) {
            event.getKeyValuePairs().forEach(pair -> line.append(' ').append(pair.key).append('=').append(pair.value));
        }
        appendThrowable(line, event.getThrowableProxy(), 0);
        lines.add(line.toString());
    }

    private static void appendThrowable(StringBuilder line, IThrowableProxy throwable, int depth) {
        if (throwable == null || depth > 20) {
            return;
        }
        line.append("\n  ").append(throwable.getClassName()).append(": ").append(throwable.getMessage());
        for (StackTraceElementProxy frame : throwable.getStackTraceElementProxyArray()) {
            line.append("\n    at ").append(frame.getSTEAsString());
        }
        for (IThrowableProxy suppressed : throwable.getSuppressed()) {
            appendThrowable(line, suppressed, depth + 1);
        }
        appendThrowable(line, throwable.getCause(), depth + 1);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
