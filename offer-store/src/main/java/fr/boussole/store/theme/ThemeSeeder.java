package fr.boussole.store.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Writes the themes of {@code store/themes.yaml} at start-up: they are reference data, the same in
 * every deployment, so the file wins over what is stored (a relabelled theme is relabelled).
 */
@Component
@Order(0)
public class ThemeSeeder implements ApplicationRunner {

    private static final String RESOURCE = "store/themes.yaml";

    private final Themes themes;

    ThemeSeeder(Themes themes) {
        this.themes = themes;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    public void seed() {
        themes.saveAll(load());
    }

    @SuppressWarnings("unchecked")
    static List<Theme> load() {
        try (InputStream in = ThemeSeeder.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Theme> result = new ArrayList<>();
            int position = 0;
            for (Map<String, Object> item : (List<Map<String, Object>>) root.get("themes")) {
                List<SubTheme> subThemes = new ArrayList<>();
                for (Map<String, Object> sub : (List<Map<String, Object>>) item.getOrDefault("subThemes", List.of())) {
                    subThemes.add(new SubTheme((String) sub.get("id"), (String) sub.get("label")));
                }
                result.add(new Theme((String) item.get("id"), (String) item.get("label"), position++, subThemes));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
