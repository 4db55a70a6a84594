package fr.boussole.app.config;

import fr.boussole.core.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One configuration tree: each module's settings under its own branch of {@code boussole.*}, and every
 * variable an operator may set in the README's one table, each binding to a setting the code reads.
 */
class ConfigurationTreeTest {

    /** The branches of {@code boussole.*} and the module whose settings each holds. */
    private static final Map<String, String> BRANCHES = Map.of(
            "channels", "fr.boussole.channels",
            "console", "fr.boussole.console",
            "store", "fr.boussole.store",
            "pipeline", "fr.boussole.pipeline",
            "dialogs", "fr.boussole.dialogs",
            // bot-core's engine has no Spring: the app binds its settings; retention spans every record kind
            "journey", "fr.boussole.app",
            "retention", "fr.boussole.app");
    private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
    private static final Pattern MAPPED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern READ_IN_CODE = Pattern.compile("\"((?:boussole|server|spring)\\.[a-z0-9.-]+)[\":]");

    @Test
    void every_settings_record_is_under_its_modules_branch_of_boussole() {
        assertThat(SettingsTree.records()).as("settings records found").hasSizeGreaterThanOrEqualTo(12);
        List<String> misplaced = new ArrayList<>();
        for (Class<?> record : SettingsTree.records()) {
            String prefix = SettingsTree.prefixOf(record);
            String[] parts = prefix.split("\\.");
            String module = parts.length >= 2 && parts[0].equals("boussole") ? BRANCHES.get(parts[1]) : null;
            if (module == null || !record.getName().startsWith(module + ".")) {
                misplaced.add(record.getName() + " -> " + prefix);
            }
        }
        assertThat(misplaced).as("records outside boussole.<their module>").isEmpty();
    }

    @Test
    void every_variable_of_the_readme_table_sets_something_the_code_reads() throws IOException {
        Map<String, String> settings = settings();
        List<String> unbound = new ArrayList<>();
        for (String variable : readmeVariables()) {
            if (!settings.containsValue(variable) && !variable.equals("MONGODB_URI")) { // MONGODB_URI: read in code
                unbound.add(variable);
            }
        }
        assertThat(unbound).as("variables of the README's table that set nothing").isEmpty();
    }

    @Test
    void every_setting_an_operator_may_set_is_in_the_readme_table() throws IOException {
        Set<String> documented = readmeVariables();
        Set<String> missing = new TreeSet<>();
        for (Class<?> record : SettingsTree.records()) {
            for (var component : record.getRecordComponents()) {
                String property = SettingsTree.prefixOf(record) + "." + kebab(component.getName());
                String variable = variableOf(property);
                if (!documented.contains(variable)) {
                    missing.add(variable + " (" + property + ")");
                }
            }
        }
        for (String property : placeholdersInCode()) {
            if (!documented.contains(variableOf(property))) {
                missing.add(variableOf(property) + " (" + property + ", read in code)");
            }
        }
        for (String mapped : mapped().values()) {
            if (!documented.contains(mapped)) {
                missing.add(mapped + " (application.yml)");
            }
        }
        assertThat(missing).as("settings missing from the README's table").isEmpty();
    }

    /** Each property the code reads (settings records, literals in main code), with the variable that sets it. */
    private static Map<String, String> settings() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Class<?> record : SettingsTree.records()) {
            for (var component : record.getRecordComponents()) {
                String property = SettingsTree.prefixOf(record) + "." + kebab(component.getName());
                settings.put(property, variableOf(property));
            }
        }
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")
                    && !f.toString().contains("/target/")).toList()) {
                Matcher read = READ_IN_CODE.matcher(Files.readString(file));
                while (read.find()) {
                    settings.put(read.group(1), variableOf(read.group(1)));
                }
            }
        }
        for (String property : placeholdersInCode()) {
            settings.put(property, variableOf(property));
        }
        mapped().forEach(settings::put);
        // Spring Boot's own, set by their relaxed names
        settings.put("spring.mail.host", "SPRING_MAIL_HOST");
        settings.put("spring.mail.port", "SPRING_MAIL_PORT");
        return settings;
    }

    /** The settings main code reads with a placeholder ({@code @Scheduled(cron = "${boussole.…}")}, {@code @Value}). */
    private static Set<String> placeholdersInCode() throws IOException {
        Set<String> read = new TreeSet<>();
        Pattern placeholder = Pattern.compile("\\$\\{(boussole\\.[a-z0-9.-]+)[:}]");
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")
                    && !f.toString().contains("/target/")).toList()) {
                Matcher found = placeholder.matcher(Files.readString(file));
                while (found.find()) {
                    read.add(found.group(1));
                }
            }
        }
        return read;
    }

    private static String variableOf(String property) {
        return mapped().getOrDefault(property, InvalidSettingException.variableOf(property));
    }

    /** application.yml's properties whose value names a variable: {@code boussole.channels.twilio.auth-token -> TWILIO_AUTH_TOKEN}. */
    private static Map<String, String> mapped() {
        try (InputStream in = ConfigurationTreeTest.class.getResourceAsStream("/application.yml")) {
            Map<String, String> mapped = new LinkedHashMap<>();
            flatten("", new Yaml().load(in), mapped);
            return mapped;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flatten(String path, Object node, Map<String, String> mapped) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(path.isEmpty() ? String.valueOf(key) : path + "." + key, value, mapped));
        } else if (node != null) {
            Matcher variable = MAPPED.matcher(String.valueOf(node));
            if (variable.find()) {
                mapped.put(path, variable.group(1));
            }
        }
    }

    /** The variables named in the first column of the README's configuration table. */
    private static Set<String> readmeVariables() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("## Configuration");
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> variables = new LinkedHashSet<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (line.startsWith("| `")) {
                Matcher variable = VARIABLE.matcher(line.split("\\|")[1]);
                while (variable.find()) {
                    variables.add(variable.group(1));
                }
            }
        }
        assertThat(variables).as("variables in the README's table").hasSizeGreaterThan(20);
        return variables;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
