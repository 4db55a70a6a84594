package fr.boussole.app.privacy;

import de.bwaldvogel.mongo.MongoServer;
import fr.boussole.app.testing.ChatClient;
import fr.boussole.app.testing.Instances;
import fr.boussole.core.privacy.KeyRing;
import fr.boussole.core.privacy.LookupKey;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key rotation as docs/privacy.md tells it: put a new key first, re-seal, drop the old key. Fails
 * when a sealed value is left under the old key, when a second run changes anything, or when the app
 * cannot read its data (conversation state, replies) with the new key alone.
 */
class ResealIT {

    private static final String OLD = KeyRing.newKeySetting("old");
    private static final String NEW = KeyRing.newKeySetting("new");
    private static final String LOOKUP = LookupKey.newKeySetting();
    private static final Pattern SEALED = Pattern.compile("\"(old|new):[A-Za-z0-9+/]{20,}");

    @Test
    void after_a_re_seal_every_value_is_under_the_new_key_and_the_old_one_can_go() {
        MongoServer store = Instances.memoryStore();
        String uri = "spring.mongodb.uri=" + Instances.uri(store);
        try {
            try (ConfigurableApplicationContext app = start(uri, OLD)) {
                ChatClient chat = chat(app);
                assertThat(chat.say("reseal-session-1", "premier secret").body()).contains("echo 1: premier secret");
                assertThat(chat.say("reseal-session-1", "second secret").body()).contains("echo 2: second secret");
                assertThat(keyIds(app)).containsOnly("old");
            }
            try (ConfigurableApplicationContext app = start(uri, NEW + "," + OLD)) {
                Reseal reseal = app.getBean(Reseal.class);
                Reseal.Report first = reseal.run();
                assertThat(first.values()).as("values moved").isGreaterThan(5);
                assertThat(keyIds(app)).containsOnly("new");
                assertThat(reseal.run().values()).as("a second run has nothing to do").isZero();
            }
            try (ConfigurableApplicationContext app = start(uri, NEW)) {
                assertThat(chat(app).say("reseal-session-1", "troisieme").body())
                        .as("the conversation goes on: its state opens with the new key alone").contains("echo 3: troisieme");
            }
        } finally {
            store.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext start(String uri, String dataKeys) {
        return Instances.start(uri, "boussole.data-keys=" + dataKeys, "boussole.lookup-key=" + LOOKUP);
    }

    private static ChatClient chat(ConfigurableApplicationContext app) {
        return new ChatClient(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    /** The key ids of every sealed value in the store. */
    private static List<String> keyIds(ConfigurableApplicationContext app) {
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        List<String> ids = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            for (Document doc : mongo.getCollection(collection).find()) {
                Matcher sealed = SEALED.matcher(doc.toJson());
                while (sealed.find()) {
                    ids.add(sealed.group(1));
                }
            }
        }
        assertThat(ids).as("sealed values found").isNotEmpty();
        return ids;
    }
}
