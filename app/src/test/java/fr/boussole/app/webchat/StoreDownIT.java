package fr.boussole.app.webchat;

import de.bwaldvogel.mongo.MongoServer;
import fr.boussole.app.testing.ChatClient;
import fr.boussole.app.testing.Instances;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** When the store goes away, the web chat says so in French with a 503 and health turns DOWN. */
class StoreDownIT {

    @Test
    void a_message_while_the_store_is_down_gets_a_503_asking_to_retry_in_a_minute() {
        MongoServer store = Instances.memoryStore();
        try (ConfigurableApplicationContext app = Instances.start("spring.mongodb.uri=" + Instances.uri(store))) {
            ChatClient chat = new ChatClient(((WebServerApplicationContext) app).getWebServer().getPort());
            assertThat(chat.say("session-down", "bonjour").statusCode()).isEqualTo(200);

            store.shutdownNow();

            HttpResponse<String> refused = chat.say("session-down", "encore");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("\"error\":\"unavailable\"").contains("réessaie dans une minute");
            HttpResponse<String> health = chat.get("/actuator/health", "application/json");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("DOWN");
        }
    }
}
