package fr.boussole.store.directory;

import fr.boussole.store.territory.InfoJeunesEntry;

import fr.boussole.core.offer.NationalService;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The national services by theme ({@code store/national-services.yaml}): the answer when nothing local fits. */
final class NationalServices {

    static final String RESOURCE = "store/national-services.yaml";

    private final Map<String, List<NationalService>> byTheme;

    private NationalServices(Map<String, List<NationalService>> byTheme) {
        this.byTheme = byTheme;
    }

    List<NationalService> forTheme(String theme) {
        return theme == null ? List.of() : byTheme.getOrDefault(theme, List.of());
    }

    @SuppressWarnings("unchecked")
    static NationalServices load() {
        try (InputStream in = NationalServices.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, List<NationalService>> byTheme = new LinkedHashMap<>();
            root.forEach((theme, entries) -> {
                List<NationalService> services = new ArrayList<>();
                for (Map<String, Object> entry : (List<Map<String, Object>>) entries) {
                    services.add(new NationalService((String) entry.get("name"), (String) entry.get("phone"),
                            (String) entry.get("website")));
                }
                byTheme.put(theme, List.copyOf(services));
            });
            return new NationalServices(Map.copyOf(byTheme));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
