package fr.boussole.store.directory;

import fr.boussole.store.territory.InfoJeunesEntry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The built-in Info Jeunes contacts per region ({@code store/info-jeunes.yaml}), shown when no
 * territory recommends one for the area; the entry under region {@code "*"} is the national fallback.
 */
final class RegionalInfoJeunes {

    static final String NATIONAL = "*";
    private static final String RESOURCE = "store/info-jeunes.yaml";

    private final Map<String, List<InfoJeunesEntry>> byRegion;

    private RegionalInfoJeunes(Map<String, List<InfoJeunesEntry>> byRegion) {
        this.byRegion = byRegion;
    }

    List<InfoJeunesEntry> forRegion(String region) {
        List<InfoJeunesEntry> entries = region == null ? null : byRegion.get(region);
        return entries != null ? entries : byRegion.getOrDefault(NATIONAL, List.of());
    }

    @SuppressWarnings("unchecked")
    static RegionalInfoJeunes load() {
        try (InputStream in = RegionalInfoJeunes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, List<InfoJeunesEntry>> byRegion = new HashMap<>();
            for (Map<String, Object> item : (List<Map<String, Object>>) root.get("contacts")) {
                String region = String.valueOf(item.get("region"));
                byRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(new InfoJeunesEntry(
                        (String) item.get("name"), (String) item.get("phone"), (String) item.get("email"),
                        (String) item.get("website"), null, region));
            }
            byRegion.replaceAll((r, list) -> List.copyOf(list));
            return new RegionalInfoJeunes(Map.copyOf(byRegion));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
