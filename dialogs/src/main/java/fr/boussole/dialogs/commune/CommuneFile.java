package fr.boussole.dialogs.commune;

import fr.boussole.core.place.Commune;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the gzipped CSV written by {@code scripts/communes/build}: insee,nom,postal codes,dep,reg,population. */
final class CommuneFile {

    static final String RESOURCE = "/communes/communes.csv.gz";

    private CommuneFile() {
    }

    static List<Commune> read() {
        InputStream raw = CommuneFile.class.getResourceAsStream(RESOURCE);
        if (raw == null) {
            throw new IllegalStateException("communes resource " + RESOURCE + " is missing: run scripts/communes/build");
        }
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8))) {
            List<Commune> communes = new ArrayList<>(36_000);
            String line = reader.readLine(); // header
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                communes.add(parse(line, number));
            }
            return communes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Commune parse(String line, int number) {
        String[] fields = line.split(",", -1);
        if (fields.length != 6) {
            throw new IllegalStateException(RESOURCE + " line " + number + ": expected 6 fields, got " + fields.length);
        }
        List<String> postalCodes = fields[2].isEmpty() ? List.of() : Arrays.asList(fields[2].split(" "));
        return new Commune(fields[0], fields[1], postalCodes, fields[3], fields[4], Integer.parseInt(fields[5]));
    }
}
