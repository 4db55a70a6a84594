package fr.boussole.app.webchat;

import fr.boussole.channels.webchat.WebChatController;
import de.bwaldvogel.mongo.MongoServer;
import fr.boussole.app.testing.ChatClient;
import fr.boussole.app.testing.EchoEngine;
import fr.boussole.app.testing.Instances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The web chat endpoint and page over real HTTP, on the real pipeline with the test engine. */
class WebChatIT {

    static MongoServer store;
    static ConfigurableApplicationContext app;
    static ChatClient chat;

    @BeforeAll
    static void start() {
        store = Instances.memoryStore();
        app = Instances.start("spring.mongodb.uri=" + Instances.uri(store));
        chat = new ChatClient(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        app.close();
        store.shutdownNow();
    }

    @Test
    void a_message_is_answered_with_its_own_replies_in_order() {
        HttpResponse<String> first = chat.say("session-order-1", "bonjour");
        HttpResponse<String> second = chat.say("session-order-1", "two");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"replies\":[{\"text\":\"echo 1: bonjour\",\"choices\":"
                + "[{\"id\":\"yes\",\"label\":\"Oui\"},{\"id\":\"no\",\"label\":\"Non\"}],\"asksForPhone\":false}]}");
        assertThat(second.body()).contains("first 2").contains("second 2");
        assertThat(second.body().indexOf("first 2")).isLessThan(second.body().indexOf("second 2"));
    }

    @Test
    void a_tapped_choice_reaches_the_engine_with_its_label() {
        chat.say("session-choice", "bonjour");
        HttpResponse<String> tapped = chat.post("session-choice", "{\"choice\":\"yes\"}", null);
        assertThat(tapped.body()).contains("echo 2: choice:yes:Oui");
    }

    @Test
    void a_client_retry_with_the_same_message_id_gets_the_same_replies_and_is_processed_once() {
        HttpResponse<String> first = chat.post("session-retry", "{\"text\":\"salut\"}", "m1");
        HttpResponse<String> again = chat.post("session-retry", "{\"text\":\"salut\"}", "m1");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body()).contains("echo 1: salut");
        // the provider id of a web chat message is derived from its session and message ids (no session id in the store)
        assertThat(EchoEngine.CALLS.get(WebChatController.providerMessageId("session-retry", "m1")).get()).isEqualTo(1);
    }

    @Test
    void bad_requests_get_a_clear_json_error_never_a_500() {
        assertThat(chat.say("short", "x").statusCode()).isEqualTo(400);
        assertThat(chat.say("bad$session!", "x").statusCode()).isEqualTo(400);
        HttpResponse<String> malformed = chat.post("session-errors", "{not json", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"error\":\"json\"").contains("Réessaie");
        assertThat(chat.post("session-errors", "{}", null).statusCode()).isEqualTo(400);
        assertThat(chat.post("session-errors", "{\"text\":\"a\",\"choice\":\"b\"}", null).statusCode()).isEqualTo(400);
        assertThat(chat.post("session-errors", "{\"text\":\"" + "a".repeat(9000) + "\"}", null).statusCode()).isEqualTo(413);
        assertThat(chat.post("session-errors", "{\"text\":\"a\"}", "bad id!").statusCode()).isEqualTo(400);
    }

    @Test
    void the_chat_page_is_served_in_french() {
        HttpResponse<String> page = chat.get("/chat", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"fr\"").contains("/chat/chat.js");
        assertThat(chat.get("/chat/chat.js", "*/*").body()).contains("localStorage");
    }

    @Test
    void json_is_answered_even_to_a_browser_accept_header() {
        HttpResponse<String> health = chat.get("/actuator/health", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(chat.get("/actuator/prometheus", "text/plain", fr.boussole.app.testing.TestKeys.metricsAuthorization()).body())
                .contains("boussole_outbox_entries");
    }
}
