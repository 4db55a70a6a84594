package fr.boussole.app.embedded;

import fr.boussole.app.testing.Instances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's log says where its embedded store listens, where its file is and how that file is kept. Fails on the
 * code that logged it from the store itself: the app opens its store before Spring Boot has set logging up, and
 * that line was dropped, so an operator never saw where the data was.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedStoreLogIT {

    @Test
    void the_app_log_names_the_store_file_and_its_settings(@TempDir Path tmp, CapturedOutput output) {
        Path dataDir = tmp.resolve("data");
        try (ConfigurableApplicationContext app = Instances.start("boussole.data-dir=" + dataDir,
                "boussole.embedded-database.compact-fill-rate=70")) {
            assertThat(output).contains("Embedded store on ")
                    .contains("with data in " + dataDir.resolve(EmbeddedStore.FILE_NAME).toAbsolutePath())
                    .contains("compacted when idle below 70 % in use");
        }
    }

    /**
     * The store runs without its address file, but commands such as --create-admin then cannot reach it while the
     * app holds the file: the operator is told, in the app's log. Fails on the code that logged the warning from
     * the store itself, where Spring Boot dropped it.
     */
    @Test
    void the_app_log_says_when_the_store_address_could_not_be_written(@TempDir Path tmp, CapturedOutput output)
            throws IOException {
        Path dataDir = tmp.resolve("data");
        // a directory that is not empty where the address file goes: it cannot be replaced
        Files.createDirectories(dataDir.resolve(RunningStore.FILE_NAME).resolve("in-the-way"));
        try (ConfigurableApplicationContext app = Instances.start("boussole.data-dir=" + dataDir)) {
            assertThat(output).contains("Could not write " + dataDir.resolve(RunningStore.FILE_NAME))
                    .contains("cannot reach this store while it runs");
        }
        try (var left = Files.list(dataDir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left beside the store")
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }
}
