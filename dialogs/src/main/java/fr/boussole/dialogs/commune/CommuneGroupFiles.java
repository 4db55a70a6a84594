package fr.boussole.dialogs.commune;

import fr.boussole.core.place.Commune;
import fr.boussole.core.place.CommuneGroups;
import fr.boussole.core.place.Epci;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Departments and intercommunalities from the same source as the communes ({@code scripts/communes/build}
 * writes {@code communes/epci.csv.gz}: siren,type,member INSEE codes space-separated,nom; the name comes
 * last because some hold commas). Immutable.
 */
public final class CommuneGroupFiles implements CommuneGroups {

    static final String EPCI_RESOURCE = "/communes/epci.csv.gz";
    private static final Comparator<Epci> BY_NAME = Comparator.comparing(Epci::name, Collator.getInstance(Locale.FRENCH));

    private final Communes communes;
    private final Map<String, List<Commune>> byDepartement;
    private final Map<String, Epci> epcis;
    private final Map<String, List<Epci>> epcisByDepartement;

    private CommuneGroupFiles(Communes communes, List<Epci> epciList) {
        this.communes = communes;
        Map<String, List<Commune>> departements = new HashMap<>();
        communes.all().forEach(c -> departements.computeIfAbsent(c.departement(), d -> new ArrayList<>()).add(c));
        departements.replaceAll((d, list) -> list.stream().sorted(Comparator.comparing(Commune::insee)).toList());
        this.byDepartement = Map.copyOf(departements);
        Map<String, Epci> bySiren = new HashMap<>();
        Map<String, Set<Epci>> byDep = new HashMap<>();
        for (Epci epci : epciList) {
            bySiren.put(epci.siren(), epci);
            for (String insee : epci.communes()) {
                communes.byInsee(insee).ifPresent(c -> byDep.computeIfAbsent(c.departement(), d -> new LinkedHashSet<>()).add(epci));
            }
        }
        this.epcis = Map.copyOf(bySiren);
        Map<String, List<Epci>> sorted = new HashMap<>();
        byDep.forEach((d, set) -> sorted.put(d, set.stream().sorted(BY_NAME).toList()));
        this.epcisByDepartement = Map.copyOf(sorted);
    }

    /** The groups of these communes, with the EPCI file shipped in the resources. */
    public static CommuneGroupFiles load(Communes communes) {
        return new CommuneGroupFiles(communes, readEpcis());
    }

    @Override
    public List<Commune> ofDepartement(String departement) {
        return departement == null ? List.of() : byDepartement.getOrDefault(departement.strip().toUpperCase(Locale.ROOT), List.of());
    }

    @Override
    public List<Epci> epcisOfDepartement(String departement) {
        return departement == null ? List.of() : epcisByDepartement.getOrDefault(departement.strip().toUpperCase(Locale.ROOT), List.of());
    }

    @Override
    public Optional<Epci> epci(String siren) {
        return siren == null ? Optional.empty() : Optional.ofNullable(epcis.get(siren.strip()));
    }

    @Override
    public Optional<Commune> commune(String insee) {
        return communes.byInsee(insee);
    }

    public int epciCount() {
        return epcis.size();
    }

    static List<Epci> readEpcis() {
        InputStream raw = CommuneGroupFiles.class.getResourceAsStream(EPCI_RESOURCE);
        if (raw == null) {
            throw new IllegalStateException("EPCI resource " + EPCI_RESOURCE + " is missing: run scripts/communes/build");
        }
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8))) {
            List<Epci> result = new ArrayList<>(1_300);
            String line = reader.readLine(); // header
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                String[] fields = line.split(",", 4);
                if (fields.length != 4) {
                    throw new IllegalStateException(EPCI_RESOURCE + " line " + number + ": expected 4 fields, got " + fields.length);
                }
                result.add(new Epci(fields[0], fields[3], fields[1],
                        fields[2].isEmpty() ? List.of() : Arrays.asList(fields[2].split(" "))));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + EPCI_RESOURCE, e);
        }
    }
}
