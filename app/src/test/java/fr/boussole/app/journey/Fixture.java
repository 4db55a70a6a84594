package fr.boussole.app.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Provider payloads kept under {@code src/test/resources/journey/}. */
final class Fixture {

    private Fixture() {}

    static String text(String name) {
        try (InputStream in = Fixture.class.getResourceAsStream("/journey/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture journey/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
