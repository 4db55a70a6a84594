package fr.boussole.app.config;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Docker recipe runs the app against a real MongoDB, the way it is deployed. Fails if it loads the
 * demo data by default there (demo accounts with the README's password on a real store), publishes
 * MongoDB's port to the network, or opens the SMTP catcher (every email, alert links included) beyond
 * this machine.
 */
class DockerComposeTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @Test
    void the_docker_recipe_loads_no_demo_data_and_publishes_no_store_by_default() throws IOException {
        Map<String, Object> services = map(new Yaml().<Map<String, Object>>load(Files.readString(COMPOSE)).get("services"));

        Map<String, Object> app = map(services.get("app"));
        Object demo = map(app.get("environment")).get("BOUSSOLE_DEMO_DATA");
        assertThat(demo).as("BOUSSOLE_DEMO_DATA of the app").isIn("${BOUSSOLE_DEMO_DATA:-false}", "false", null);

        assertThat(map(services.get("mongo"))).as("MongoDB publishes no port").doesNotContainKey("ports");
        for (Object port : list(map(services.get("mailpit")).get("ports"))) {
            assertThat(port.toString()).as("the SMTP catcher's published ports").startsWith("127.0.0.1:");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }
}
