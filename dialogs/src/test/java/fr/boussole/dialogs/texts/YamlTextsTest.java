package fr.boussole.dialogs.texts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlTextsTest {

    private static final Path ENGINE_SOURCES = Path.of("../bot-core/src/main/java/fr/boussole/core/journey");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z]+(?:\\.[a-z-]+)+)\"");
    private static final Pattern PHASES = Pattern.compile("enum Phase \\{([^}]*)}");

    private final YamlTexts texts = YamlTexts.bundled();

    @Test
    void placeholders_are_filled_and_unknown_placeholders_left_visible() {
        assertThat(texts.text("theme.ask", Map.of("commune", "Cahors"))).contains("Cahors").doesNotContain("{commune}");
        assertThat(texts.text("theme.ask")).contains("{commune}");
    }

    @Test
    void an_unknown_key_is_an_error_not_a_blank() {
        assertThatThrownBy(() -> texts.text("no.such.key")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no.such.key");
    }

    @Test
    void every_key_the_engine_names_has_a_text() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(ENGINE_SOURCES)) {
            for (Path file : files.toList()) {
                // Comments quote what young people type ("gmial.com"): only code names keys.
                String source = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
                Matcher keys = KEY_LITERAL.matcher(source);
                while (keys.find()) {
                    used.add(keys.group(1));
                }
                Matcher phases = PHASES.matcher(source);
                if (phases.find()) {
                    for (String phase : phases.group(1).split(",")) {
                        used.add("help." + phase.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                    }
                }
            }
        }
        assertThat(used).as("keys found in the engine's sources").hasSizeGreaterThan(40);
        assertThat(texts.keys()).containsAll(used);
    }

    @Test
    void the_consent_texts_have_a_version_and_name_who_receives_what_and_when() {
        assertThat(texts.text("consent.version")).isNotBlank();
        for (String key : List.of("consent.card", "consent.ask")) {
            assertThat(texts.text(key)).as(key).contains("{organisation}", "{contact}", "{delay}", "âge", "commune",
                    "réponses");
        }
    }
}
