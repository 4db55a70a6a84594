package fr.boussole.app.load;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fr.boussole.app.config.KeySettings;
import fr.boussole.app.embedded.EmbeddedStore;
import fr.boussole.app.embedded.StoreAddress;
import fr.boussole.app.embedded.StoreFileSettings;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.privacy.SealedField;
import fr.boussole.pipeline.conversation.Conversations;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.writes.RetentionLists;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.core.env.StandardEnvironment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Fills an embedded store's data directory with the history a busy service leaves: finished
 * conversations, each message received (processed) with its reply (sent), sealed with the
 * directory's own keys as the app would have sealed them, dated within the retention window so that
 * nothing is due for pruning. For the "flat as history grows" benchmark (BENCHMARKS.md):
 *
 * <pre>scripts/fill-history --data-dir target/bench-data --messages 1000000 [--retention-lists] [--compact]</pre>
 *
 * Into a directory the app has initialised (its unique indexes there, its one-off listing of older records done),
 * the inserts keep the app's indexes as they go, and with {@code --retention-lists} every message and reply is
 * listed for the retention job as the app lists what it handles ({@link RetentionLists}): a store as a year of use
 * leaves it. Into a new directory, without the option, it is a store from before the app's indexes and lists,
 * which the app's first start upgrades (builds the indexes over the history, lists the records once). With
 * {@code --compact} the file is compacted at the end ({@code --messages 0 --compact} compacts a filled one): filled in
 * minutes, it is otherwise left with chunks MVStore's background compaction rewrites for a long while after.
 */
public final class HistoryFill {

    private static final int PER_CONVERSATION = 10;
    private static final int BATCH = 1000;

    public static void main(String[] args) {
        Path dataDir = Path.of(option(args, "--data-dir", "target/bench-data"));
        int messages = Integer.parseInt(option(args, "--messages", "1000000"));
        boolean listed = List.of(args).contains("--retention-lists");
        boolean compact = List.of(args).contains("--compact");
        Map<String, String> keys = KeySettings.resolve(new StandardEnvironment(), true, dataDir);
        PersonalData personalData = KeySettings.personalData(keys.get(KeySettings.DATA_KEYS), keys.get(KeySettings.LOOKUP_KEY));
        EmbeddedStore store = EmbeddedStore.open(dataDir, new StoreAddress("127.0.0.1", 0), StoreFileSettings.DEFAULT);
        long started = System.nanoTime();
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase db = client.getDatabase("boussole");
            RetentionLists lists = listed ? new RetentionLists(new MongoTemplate(client, "boussole")) : null;
            RetentionLists conversationLists = listed
                    ? new RetentionLists(new MongoTemplate(client, "boussole"), RetentionLists.CONVERSATION_LISTS) : null;
            Date at = Date.from(Instant.now().minus(Duration.ofDays(3)));
            List<Document> inbound = new ArrayList<>();
            List<Document> outbox = new ArrayList<>();
            List<Document> conversations = new ArrayList<>();
            List<Document> counters = new ArrayList<>();
            for (int m = 0; m < messages; m++) {
                int person = m / PER_CONVERSATION;
                long rank = m % PER_CONVERSATION + 1;
                ConversationKey key = new ConversationKey(Channel.SMS, "+336%08d".formatted(person));
                String ref = personalData.conversationRef(key);
                String providerId = "SMhist%026d".formatted(m);
                String in = Ids.derived("in", "sms", providerId);
                String out = Ids.derived("ob", in, "0");
                inbound.add(new Document("_id", in).append("channel", "sms").append("providerMessageId", providerId)
                        .append("conversation", ref).append("address", personalData.seal(key.address(), InboundMessages.field(in, "address")))
                        .append("sequence", rank)
                        .append("text", personalData.seal("message " + rank + " de l'historique", InboundMessages.field(in, "text"))).append("status", "PROCESSED")
                        .append("attempts", 0).append("cas", in + "#done").append("receivedAt", at).append("acceptedAt", at)
                        .append("nextAttemptAt", at).append("processedAt", at).append("replies", List.of(out)));
                outbox.add(new Document("_id", out).append("channel", "sms")
                        .append("recipient", personalData.seal(key.address(), SealedField.of("outbox", out, "recipient")))
                        .append("recipientLookup", personalData.lookupKey(Channel.SMS, key.address())).append("conversation", ref)
                        .append("sequence", rank * 1000).append("inboundId", in)
                        .append("payload", personalData.seal("réponse " + rank, SealedField.of("outbox", out, "payload"))).append("status", "SENT").append("attempts", 1)
                        .append("createdAt", at).append("nextAttemptAt", at).append("leaseUntil", new Date(0)).append("claims", 1L)
                        .append("cas", out + "#1").append("providerId", "SMsent%026d".formatted(m)).append("sentAt", at));
                if (rank == PER_CONVERSATION) {
                    conversations.add(new Document("_id", ref).append("address", personalData.seal(key.address(), Conversations.field(ref, "address")))
                            .append("version", (long) PER_CONVERSATION).append("cas", ref + "#" + PER_CONVERSATION)
                            .append("epoch", Ids.random("ep")).append("optedOut", false).append("updatedAt", at));
                    counters.add(new Document("_id", ref).append("next", (long) PER_CONVERSATION).append("done", (long) PER_CONVERSATION)
                            .append("at", at));
                }
                if (inbound.size() == BATCH) {
                    list(lists, inbound, outbox, at);
                    listConversations(conversationLists, conversations, at);
                    flush(db, inbound, outbox, conversations, counters);
                }
                if ((m + 1) % 100_000 == 0) {
                    System.out.printf("%,d messages written (%.0f s)%n", m + 1, (System.nanoTime() - started) / 1e9);
                }
            }
            list(lists, inbound, outbox, at);
            listConversations(conversationLists, conversations, at);
            flush(db, inbound, outbox, conversations, counters);
            if (compact) {
                db.getCollection("inbound_messages").estimatedDocumentCount(); // the database and its maps open
                long compacting = System.nanoTime();
                store.compact(Duration.ofHours(2));
                System.out.printf("store file compacted in %.0f s%n", (System.nanoTime() - compacting) / 1e9);
            }
        } finally {
            store.destroy();
        }
        System.out.printf("%,d messages, their replies and %,d conversations written into %s in %.0f s%n", messages,
                messages / PER_CONVERSATION, dataDir.resolve("boussole.mv"), (System.nanoTime() - started) / 1e9);
    }

    /** Listed before the waited-for inserts, as the app lists a record before its waited-for write. */
    private static void list(RetentionLists lists, List<Document> inbound, List<Document> outbox, Date at) {
        if (lists != null) {
            lists.insert(RetentionLists.INBOUND, inbound.stream().map(doc -> doc.getString("_id")).toList(), at.toInstant());
            lists.insert(RetentionLists.OUTBOX, outbox.stream().map(doc -> doc.getString("_id")).toList(), at.toInstant());
        }
    }

    /** The conversations listed under the hour of their last message, as their turns list them. */
    private static void listConversations(RetentionLists lists, List<Document> conversations, Date at) {
        if (lists != null) {
            lists.insert(RetentionLists.CONVERSATION, conversations.stream().map(doc -> doc.getString("_id")).toList(),
                    at.toInstant());
        }
    }

    private static void flush(MongoDatabase db, List<Document> inbound, List<Document> outbox, List<Document> conversations,
                              List<Document> counters) {
        for (var batch : List.of(Map.entry("inbound_messages", inbound), Map.entry("outbox", outbox),
                Map.entry("conversations", conversations), Map.entry("inbound_sequences", counters))) {
            if (!batch.getValue().isEmpty()) {
                db.getCollection(batch.getKey()).insertMany(batch.getValue());
                batch.getValue().clear();
            }
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
