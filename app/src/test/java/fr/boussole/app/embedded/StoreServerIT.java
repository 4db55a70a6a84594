package fr.boussole.app.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fr.boussole.app.crash.ChildApp;
import fr.boussole.app.crash.ChildStore;
import com.mongodb.client.model.Filters;
import fr.boussole.core.ids.Ids;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, "Several instances": the embedded store runs as its own process ({@link StoreServer}); an
 * app process works on it; killing the app leaves the store and its data alone; stopping the store
 * closes its file so that a new store process on the same directory finds everything again. Fails if
 * the store dies with the app, if a turn is not in the store after the app is gone, or if the file
 * does not survive a stop and restart of the store. A second store on the same file is refused with
 * one line naming the setting.
 */
class StoreServerIT {

    static final Duration STARTUP = Duration.ofSeconds(600);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path work;
    final List<ChildApp> apps = new ArrayList<>();
    final List<ChildStore> stores = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        apps.forEach(ChildApp::stop);
        for (ChildStore store : stores) {
            if (store.alive()) {
                store.stop();
            }
        }
    }

    @Test
    void an_app_on_the_store_process_leaves_its_data_there_after_it_is_killed_and_the_store_restarted() throws Exception {
        Path data = Files.createDirectories(work.resolve("store-data"));
        ChildStore store = started(ChildStore.start(data, work.resolve("store-1.log"), STARTUP));
        ChildApp app = ChildApp.start("app", store.mongoUri(), true, work);
        apps.add(app);
        app.awaitHealthy(HTTP, STARTUP);

        String session = "store-server-it-01";
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/chat/" + session + "/messages"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("X-Message-Id", "step-0")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"bonjour\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("replies");

        app.killNine();
        assertThat(store.alive()).as("the store outlives a kill -9 of its app").isTrue();
        String key;
        try (MongoClient mongo = MongoClients.create(store.mongoUri())) {
            MongoDatabase db = mongo.getDatabase("boussole");
            // recorded under session.X-Message-Id, or an id derived from both where the session id stays out of the store
            Document message = db.getCollection("inbound_messages").find(Filters.in("providerMessageId",
                    session + ".step-0", Ids.derived("web", session, "step-0"))).first();
            assertThat(message).as("the message, recorded").isNotNull();
            assertThat(message.getString("status")).isEqualTo("PROCESSED");
            key = message.getString("conversation");
            assertThat(db.getCollection("conversations").countDocuments(new Document("_id", key))).isEqualTo(1);
        }

        assertThat(store.stop()).as("exit status of a store stopped by SIGTERM").isIn(0, 143);
        ChildStore again = started(ChildStore.start(data, work.resolve("store-2.log"), STARTUP));
        try (MongoClient mongo = MongoClients.create(again.mongoUri())) {
            MongoDatabase db = mongo.getDatabase("boussole");
            assertThat(db.getCollection("conversations").countDocuments(new Document("_id", key)))
                    .as("the conversation, read back from the file by a new store process").isEqualTo(1);
            assertThat(db.getCollection("territories").countDocuments()).as("the demo data loaded by the app").isPositive();
        }
    }

    @Test
    void a_second_store_on_the_same_file_is_refused_with_one_line() throws Exception {
        Path data = Files.createDirectories(work.resolve("shared-data"));
        started(ChildStore.start(data, work.resolve("first.log"), STARTUP));
        Path log = work.resolve("second.log");
        Process second = ChildStore.launch(data, log, ChildApp.freePort());
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the second store gives up").isTrue();
        assertThat(second.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("Invalid setting BOUSSOLE_DATA_DIR").contains("in use by another process");
    }

    private ChildStore started(ChildStore store) {
        stores.add(store);
        return store;
    }
}
