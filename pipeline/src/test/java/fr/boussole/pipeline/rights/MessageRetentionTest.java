package fr.boussole.pipeline.rights;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import fr.boussole.testing.TestStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys of deleted inbound messages ({@code inbound_seen}) are kept for a while, then go (they were kept for
 * ever), and are found without a walk over their collection: by the small lists of {@code inbound_seen_batches},
 * then by {@code _id}. Keys kept before the lists existed get theirs once. On mongo-java-server, through the
 * real driver.
 */
class MessageRetentionTest {

    static final Instant PRUNED = Instant.parse("2027-01-01T00:00:00Z");
    static final Duration MS = Duration.ofMillis(1);

    final List<String> commands = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final TestStore store = new TestStore(settings -> settings.addCommandListener(new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (event.getCommand().get(event.getCommandName()) instanceof org.bson.BsonString collection) {
                commands.add(event.getCommandName() + " " + collection.getValue());
            }
        }
    }));
    MongoTemplate mongo;
    MessageRetention retention;

    @BeforeEach
    void retention() {
        mongo = store.mongo();
        retention = new MessageRetention(mongo);
    }

    @Test
    void the_keys_of_deleted_messages_go_once_their_own_time_is_up_and_not_before() {
        IntStream.range(0, 1_200).forEach(i -> handled("in_" + i, PRUNED.minus(Duration.ofDays(1))));
        handled("in_recent", PRUNED.plus(Duration.ofDays(1)));
        assertThat(retention.pruneInbound(PRUNED)).isEqualTo(1_200);
        assertThat(mongo.getCollection(ConversationLookups.SEEN).countDocuments()).isEqualTo(1_200);
        assertThat(mongo.getCollection(MessageRetention.SEEN_BATCHES).countDocuments()).as("500 keys a list").isEqualTo(3);

        assertThat(retention.forgetInboundKeys(PRUNED)).as("their time, not yet past").isZero();
        assertThat(mongo.getCollection(ConversationLookups.SEEN).countDocuments()).isEqualTo(1_200);

        commands.clear();
        assertThat(retention.forgetInboundKeys(PRUNED.plus(MS))).isEqualTo(1_200);
        List<String> forgetting = List.copyOf(commands);
        assertThat(forgetting).as("the keys are only ever deleted by _id (a list each), never looked for")
                .filteredOn(command -> command.endsWith(" " + ConversationLookups.SEEN))
                .containsExactly("delete inbound_seen", "delete inbound_seen", "delete inbound_seen");
        assertThat(mongo.getCollection(ConversationLookups.SEEN).countDocuments()).isZero();
        assertThat(mongo.getCollection(MessageRetention.SEEN_BATCHES).countDocuments()).isZero();
        assertThat(mongo.findById("in_recent", Document.class, ConversationLookups.INBOUND)).as("not handled long enough").isNotNull();
    }

    @Test
    void keys_kept_before_the_lists_existed_are_listed_once_and_go_in_their_own_time() {
        mongo.insert(new Document("_id", "in_legacy_old").append("at", Date.from(PRUNED)), ConversationLookups.SEEN);
        mongo.insert(new Document("_id", "in_legacy_new").append("at", Date.from(PRUNED.plus(Duration.ofDays(10)))),
                ConversationLookups.SEEN);
        mongo.insert(new Document("_id", "in_legacy_other").append("at", Date.from(PRUNED.plus(Duration.ofDays(20)))),
                ConversationLookups.SEEN);

        assertThat(retention.forgetInboundKeys(PRUNED.plus(Duration.ofDays(10)))).as("a list is dated by its latest key")
                .isZero();
        assertThat(retention.forgetInboundKeys(PRUNED.plus(Duration.ofDays(20)).plus(MS))).isEqualTo(3);
        assertThat(mongo.getCollection(ConversationLookups.SEEN).countDocuments()).isZero();

        mongo.insert(new Document("_id", "in_legacy_late").append("at", Date.from(PRUNED)), ConversationLookups.SEEN);
        commands.clear();
        retention.forgetInboundKeys(PRUNED.plus(Duration.ofDays(30)));
        retention.pruneInbound(PRUNED.plus(Duration.ofDays(30)));
        assertThat(List.copyOf(commands)).as("listed once only: no second walk over the keys")
                .noneMatch(command -> command.equals("find " + ConversationLookups.SEEN));
    }

    void handled(String id, Instant acceptedAt) {
        mongo.insert(new Document("_id", id).append("status", "PROCESSED").append("acceptedAt", Date.from(acceptedAt)),
                ConversationLookups.INBOUND);
    }
}
