package fr.boussole.app.privacy;

import de.bwaldvogel.mongo.MongoServer;
import fr.boussole.app.testing.ChatClient;
import fr.boussole.app.testing.Instances;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.KeyRing;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.privacy.SealingException;
import fr.boussole.store.request.ContactRequest;
import fr.boussole.store.request.ContactRequestRecords;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A key rotation as docs/privacy.md tells it: put a new key first, re-seal, drop the old key. Fails
 * when a sealed value is left under the old key, when a second run changes anything, or when the app
 * cannot read its data (conversation state, replies) with the new key alone.
 */
class ResealIT {

    private static final String OLD = KeyRing.newKeySetting("old");
    private static final String NEW = KeyRing.newKeySetting("new");
    private static final String LOOKUP = LookupKey.newKeySetting();
    /** A sealed value in a document's JSON: its key id and its form ({@code !} bound to its place, {@code :} the earlier form). */
    private static final Pattern SEALED = Pattern.compile("\"(old|new)([!:])[A-Za-z0-9+/]{20,}");

    @Test
    void after_a_re_seal_every_value_is_under_the_new_key_and_the_old_one_can_go() {
        MongoServer store = Instances.memoryStore();
        String uri = "spring.mongodb.uri=" + Instances.uri(store);
        try {
            try (ConfigurableApplicationContext app = start(uri, OLD)) {
                ChatClient chat = chat(app);
                assertThat(chat.say("reseal-session-1", "premier secret").body()).contains("echo 1: premier secret");
                assertThat(chat.say("reseal-session-1", "second secret").body()).contains("echo 2: second secret");
                assertThat(keyIds(app)).containsOnly("old!");
            }
            try (ConfigurableApplicationContext app = start(uri, NEW + "," + OLD)) {
                Reseal reseal = app.getBean(Reseal.class);
                Reseal.Report first = reseal.run();
                assertThat(first.values()).as("values moved").isGreaterThan(5);
                assertThat(keyIds(app)).containsOnly("new!");
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

    /**
     * Fails if values sealed by a version before associated data (without their place) stay so after the
     * re-seal, or if the re-seal binds them to a place where the application does not read them.
     */
    @Test
    void the_re_seal_binds_values_of_the_earlier_form_to_their_place() throws Exception {
        MongoServer store = Instances.memoryStore();
        String uri = "spring.mongodb.uri=" + Instances.uri(store);
        try {
            try (ConfigurableApplicationContext app = start(uri, OLD)) {
                ChatClient chat = chat(app);
                assertThat(chat.say("reseal-legacy-1", "un secret d'avant").body()).contains("echo 1: un secret d'avant");
                long unbound = LegacySealing.unbindEverything(app.getBean(MongoTemplate.class), app.getBean(PersonalData.class), OLD);
                assertThat(unbound).isGreaterThan(5);
                assertThat(keyIds(app)).containsOnly("old:");
                assertThat(chat.say("reseal-legacy-1", "encore").body()).as("the earlier form still opens")
                        .contains("echo 2: encore");

                Reseal.Report report = app.getBean(Reseal.class).run();
                assertThat(report.values()).as("those the last turn did not rewrite").isPositive();
                assertThat(keyIds(app)).containsOnly("old!");
                assertThat(app.getBean(Reseal.class).run().values()).as("a second run").isZero();
                assertThat(chat.say("reseal-legacy-1", "apres").body()).as("bound where the app reads them").contains("echo 3: apres");
            }
        } finally {
            store.shutdownNow();
        }
    }

    /**
     * Fails if someone who can write to the store (but holds no key) can move a sealed value into another
     * document or another field and have the application open it there: a phone number copied into another
     * young person's request would be shown to that request's organisation.
     */
    @Test
    void a_sealed_value_moved_to_another_document_or_field_does_not_open() {
        MongoServer store = Instances.memoryStore();
        try (ConfigurableApplicationContext app = start("spring.mongodb.uri=" + Instances.uri(store), OLD)) {
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            ContactRequestRecords requests = app.getBean(ContactRequestRecords.class);
            requests.save(request("cr_lea", "+33612000901"));
            requests.save(request("cr_tom", "+33612000902"));
            Document lea = mongo.getCollection("contactRequests").find(new Document("_id", "cr_lea")).first();
            assertThat(requests.findById("cr_tom").orElseThrow().getContactAddress()).isEqualTo("+33612000902");

            mongo.getCollection("contactRequests").updateOne(new Document("_id", "cr_tom"),
                    new Document("$set", new Document("contactAddress", lea.getString("contactAddress"))));
            assertThatThrownBy(() -> requests.findById("cr_tom")).as("another document")
                    .isInstanceOf(SealingException.class).hasMessageContaining("moved");

            mongo.getCollection("contactRequests").updateOne(new Document("_id", "cr_lea"),
                    new Document("$set", new Document("outcomeComment", lea.getString("contactAddress"))));
            assertThatThrownBy(() -> requests.findById("cr_lea")).as("another field of the same document")
                    .isInstanceOf(SealingException.class);

            ChatClient chat = chat(app);
            chat.say("moved-value-one-01", "le secret de lea");
            chat.say("moved-value-two-01", "bonjour");
            InboundMessages inbound = app.getBean(InboundMessages.class);
            ConversationKey one = new ConversationKey(Channel.WEB, "moved-value-one-01");
            ConversationKey two = new ConversationKey(Channel.WEB, "moved-value-two-01");
            Document secret = mongo.getCollection("inbound_messages")
                    .find(new Document("_id", inbound.all(one).getFirst().id())).first();
            mongo.getCollection("inbound_messages").updateOne(new Document("_id", inbound.all(two).getFirst().id()),
                    new Document("$set", new Document("text", secret.getString("text"))));
            assertThatThrownBy(() -> inbound.all(two)).as("a message's text in another message").isInstanceOf(SealingException.class);
        } finally {
            store.shutdownNow();
        }
    }

    private static ContactRequest request(String id, String phone) {
        return ContactRequest.open(id, new ContactRequestDraft(new ConversationKey(Channel.SMS, phone), "of_1", "te_lot", "emploi",
                "emploi", 1, 19, "46042", "Cahors", List.of(), ContactMethod.PHONE, phone, null, java.time.Instant.now()), "org_1", 3);
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
                    ids.add(sealed.group(1) + sealed.group(2));
                }
            }
        }
        assertThat(ids).as("sealed values found").isNotEmpty();
        return ids;
    }
}
