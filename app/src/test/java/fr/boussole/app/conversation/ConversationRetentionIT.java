package fr.boussole.app.conversation;

import de.bwaldvogel.mongo.MongoServer;
import fr.boussole.app.testing.ChatClient;
import fr.boussole.app.testing.Instances;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A conversation idle past the retention period is forgotten: answers, texts received and replies sent. */
class ConversationRetentionIT {

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
    void an_idle_conversation_is_forgotten_after_the_retention_period_and_not_before() {
        String session = "session-retention-1";
        assertThat(chat.say(session, "mon secret").body()).contains("echo 1: mon secret");
        assertThat(chat.say(session, "encore").body()).contains("echo 2: encore");
        ConversationRetention retention = app.getBean(ConversationRetention.class);
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        Instant now = Instant.now();

        assertThat(retention.forgetIdle(now.plus(Duration.ofDays(29)))).isZero();
        assertThat(retention.forgetIdle(now.plus(Duration.ofDays(31)))).isEqualTo(1);
        assertThat(retention.forgetIdle(now.plus(Duration.ofDays(32)))).as("forgotten once").isZero();

        Query ofSession = Query.query(Criteria.where("conversation").is(app.getBean(fr.boussole.core.privacy.PersonalData.class)
                .conversationRef(new fr.boussole.core.message.ConversationKey(fr.boussole.core.message.Channel.WEB, session))));
        assertThat(mongo.find(ofSession, Document.class, "inbound_messages"))
                .isNotEmpty().allSatisfy(message -> assertThat(message.getString("text")).isEmpty());
        assertThat(mongo.find(ofSession, Document.class, "outbox"))
                .isNotEmpty().allSatisfy(entry -> assertThat(entry.toJson()).doesNotContain("secret"));
        assertThat(chat.say(session, "me revoila").body()).as("the conversation starts afresh")
                .contains("echo 1: me revoila");
    }
}
