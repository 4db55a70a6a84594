package fr.boussole.store.geo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Department and region of a commune from its INSEE code alone: the department is the first two
 * characters (2A/2B for Corsica), or three for overseas (97x); the region comes from a table
 * shipped as data ({@code store/geo/departements.csv}, INSEE 2026).
 */
public final class Geography {

    private static final Geography FRANCE = load();

    private final Map<String, String> regionOfDepartement;
    private final Map<String, String> regionNames;
    private final Map<String, String> departementNames;

    private Geography(Map<String, String> regionOfDepartement, Map<String, String> regionNames,
                      Map<String, String> departementNames) {
        this.regionOfDepartement = Map.copyOf(regionOfDepartement);
        this.regionNames = Map.copyOf(regionNames);
        this.departementNames = Map.copyOf(departementNames);
    }

    public static Geography france() {
        return FRANCE;
    }

    public static String departementOf(String communeInsee) {
        if (communeInsee == null || communeInsee.length() < 3) {
            return null;
        }
        return communeInsee.startsWith("97") ? communeInsee.substring(0, 3) : communeInsee.substring(0, 2);
    }

    public Optional<String> regionOfDepartement(String departement) {
        return Optional.ofNullable(departement).map(regionOfDepartement::get);
    }

    public Optional<String> regionOfCommune(String communeInsee) {
        return regionOfDepartement(departementOf(communeInsee));
    }

    public boolean isDepartement(String code) {
        return regionOfDepartement.containsKey(code);
    }

    public boolean isRegion(String code) {
        return regionNames.containsKey(code);
    }

    /** "Lot" for 46: to tell communes of one name apart. */
    public Optional<String> departementName(String departement) {
        return Optional.ofNullable(departement).map(departementNames::get);
    }

    public Optional<String> regionName(String region) {
        return Optional.ofNullable(regionNames.get(region));
    }

    private static Geography load() {
        Map<String, String> regions = new HashMap<>();
        Map<String, String> departements = new HashMap<>();
        for (List<String> row : rows("store/geo/departements.csv")) {
            regions.put(row.get(0), row.get(1));
            if (row.size() > 2) {
                departements.put(row.get(0), row.get(2));
            }
        }
        Map<String, String> names = new HashMap<>();
        for (List<String> row : rows("store/geo/regions.csv")) {
            names.put(row.get(0), row.get(1));
        }
        return new Geography(regions, names, departements);
    }

    private static List<List<String>> rows(String resource) {
        var stream = Geography.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        // Read with Commons CSV directly: the csv package (offer import) uses this one, not the reverse.
        try (var reader = new InputStreamReader(stream, StandardCharsets.UTF_8);
             var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.stream().map(CSVRecord::toList).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
