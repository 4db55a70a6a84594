package fr.boussole.app.config;

import fr.boussole.core.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.net.URI;
import java.time.Duration;
import java.time.Period;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration tree, checked in one step before anything starts: every module's settings record
 * ({@code @ConfigurationProperties} under {@code boussole.<module>}) is bound once from the environment, so
 * that its own rules run and a value that cannot be read ({@code 10 seconds} for a duration) stops start-up
 * with bot-core's {@link InvalidSettingException} naming the variable, the same one line as every other
 * wrong setting. The records are found on the class path: a module's new settings are checked without
 * being listed anywhere.
 *
 * <p>Also refuses a setting given by a name that the tree no longer reads (the names before the one tree),
 * rather than ignoring it: a renamed setting silently back at its default is worse than a stopped start.
 */
final class SettingsTree {

    private static final Pattern MAPPED = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static volatile List<Class<?>> records;

    /** Each name the settings had before the one tree, and the property that replaced it. */
    static final Map<String, String> RENAMED = renamed();

    private SettingsTree() {}

    static void check(ConfigurableEnvironment env) {
        Binder binder = Binder.get(env);
        for (Class<?> type : records()) {
            String prefix = prefixOf(type);
            try {
                binder.bindOrCreate(prefix, Bindable.of(type));
            } catch (BindException e) {
                throw unreadable(env, e);
            }
        }
    }

    /** Every settings record of the application's modules, each bound under its own prefix. */
    static List<Class<?>> records() {
        List<Class<?>> found = records;
        if (found == null) {
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
            found = scanner.findCandidateComponents("fr.boussole").stream()
                    .<Class<?>>map(definition -> load(definition.getBeanClassName()))
                    .sorted(Comparator.comparing(Class::getName))
                    .toList();
            records = found;
        }
        return found;
    }

    static String prefixOf(Class<?> type) {
        ConfigurationProperties annotation = AnnotationUtils.findAnnotation(type, ConfigurationProperties.class);
        return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
    }

    /**
     * The variable an operator sets for {@code property}: the one application.yml maps to it (the contract's
     * names), else the property's name in capitals.
     */
    static String variableOf(ConfigurableEnvironment env, String property) {
        for (PropertySource<?> source : env.getPropertySources()) {
            if (source.getName().contains("application") && source.containsProperty(property)) {
                Matcher mapped = MAPPED.matcher(String.valueOf(source.getProperty(property)));
                if (mapped.find()) {
                    return mapped.group(1);
                }
            }
        }
        return InvalidSettingException.variableOf(property);
    }

    private static InvalidSettingException unreadable(ConfigurableEnvironment env, BindException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSettingException named) {
                return named;
            }
        }
        String property = e.getProperty() != null ? e.getProperty().getName().toString() : e.getName().toString();
        Object value = e.getProperty() != null ? e.getProperty().getValue() : null;
        try {
            value = env.resolvePlaceholders(String.valueOf(value)); // as given, not as application.yml maps it
        } catch (IllegalArgumentException unresolvable) {
            // keep it as written
        }
        Class<?> type = e.getTarget().getType().resolve(Object.class);
        return new InvalidSettingException(variableOf(env, property), "'" + value + "' is not " + kind(type));
    }

    private static String kind(Class<?> type) {
        if (type == Duration.class) {
            return "a duration (30s, 15m, 2h, 7d)";
        }
        if (type == Period.class) {
            return "a period (30d, 3m for three months, 1y)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == URI.class) {
            return "a URL";
        }
        return "a " + type.getSimpleName();
    }

    static void refuseOldNames(ConfigurableEnvironment env) {
        for (Map.Entry<String, String> rename : RENAMED.entrySet()) {
            String old = rename.getKey();
            String now = variableOf(env, rename.getValue());
            String oldVariable = InvalidSettingException.variableOf(old);
            for (PropertySource<?> source : env.getPropertySources()) {
                boolean environment = source instanceof SystemEnvironmentPropertySource;
                if (!environment && hasOwn(source, old)) {
                    throw new InvalidSettingException(old, "renamed " + rename.getValue() + " (" + now
                            + "): one configuration tree, see the README's table");
                }
                if (environment && !oldVariable.equals(now) && hasOwn(source, oldVariable)) {
                    throw new InvalidSettingException(oldVariable, "renamed " + now + ": see the README's table");
                }
            }
        }
    }

    /** The source itself holds the name (not by a relaxed match on another one). */
    private static boolean hasOwn(PropertySource<?> source, String name) {
        if (source instanceof EnumerablePropertySource<?> enumerable) {
            for (String own : enumerable.getPropertyNames()) {
                if (own.equals(name)) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    private static Map<String, String> renamed() {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (String twilio : List.of("account-sid", "auth-token", "sms-from", "whatsapp-from", "api-base-url",
                "whatsapp-reengage-content-sid", "whatsapp-news-content-sid", "request-timeout", "sends-per-second")) {
            renamed.put("twilio." + twilio, "boussole.channels.twilio." + twilio);
        }
        for (String telegram : List.of("bot-token", "webhook-secret", "mode", "api-base-url", "request-timeout",
                "messages-per-second", "messages-per-chat-per-second")) {
            renamed.put("telegram." + telegram, "boussole.channels.telegram." + telegram);
        }
        for (String webChat : List.of("messages-per-session", "messages-per-address", "limit-window")) {
            renamed.put("boussole.web-chat." + webChat, "boussole.channels.web-chat." + webChat);
        }
        for (String console : List.of("reset-link-validity", "max-login-failures", "lock-duration", "due-soon-within",
                "max-login-failures-per-address", "max-reset-requests-per-email", "max-reset-requests-per-address",
                "reset-request-window")) {
            renamed.put("boussole." + console, "boussole.console." + console);
        }
        renamed.put("boussole.console-purge-cron", "boussole.console.purge-cron");
        renamed.put("boussole.invitation-validity", "boussole.store.invitation-validity");
        renamed.put("boussole.demo-data", "boussole.store.demo.enabled");
        renamed.put("boussole.demo-password", "boussole.store.demo.password");
        for (String journey : List.of("idle-expiry", "page-size", "zone")) {
            renamed.put("boussole.dialog." + journey, "boussole.journey." + journey);
        }
        for (String database : List.of("port", "bind", "fsync")) {
            renamed.put("boussole.store." + database, "boussole.embedded-database." + database);
        }
        return Map.copyOf(renamed);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SettingsTree.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
