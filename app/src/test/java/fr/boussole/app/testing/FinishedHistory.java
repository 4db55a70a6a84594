package fr.boussole.app.testing;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Finished work as months of traffic leave it, written straight into the store as the code before the
 * retention lists stored it: each message of its own conversation, processed, its reply sent.
 */
public final class FinishedHistory {

    private FinishedHistory() {}

    /** {@code count} messages (a multiple of 1,000) and their replies, all handled at {@code at}. */
    public static void add(MongoTemplate mongo, int count, Instant at) {
        Date past = Date.from(at);
        for (int batch = 0; batch < count / 1000; batch++) {
            List<Document> inbound = new ArrayList<>();
            List<Document> outbox = new ArrayList<>();
            for (int i = batch * 1000; i < (batch + 1) * 1000; i++) {
                String conversation = "sms:history-" + i;
                String in = "in_history_" + i;
                String out = "ob_history_" + i;
                inbound.add(new Document("_id", in).append("channel", "sms").append("providerMessageId", "SMhistory" + i)
                        .append("conversation", conversation).append("sequence", 1L).append("status", "PROCESSED")
                        .append("attempts", 0).append("cas", in + "#done").append("receivedAt", past).append("acceptedAt", past)
                        .append("nextAttemptAt", past).append("processedAt", past).append("replies", List.of(out)));
                outbox.add(new Document("_id", out).append("channel", "sms").append("conversation", conversation)
                        .append("sequence", 1000L).append("inboundId", in).append("status", "SENT").append("attempts", 1)
                        .append("createdAt", past).append("nextAttemptAt", past).append("leaseUntil", new Date(0))
                        .append("claims", 1L).append("cas", out + "#1").append("providerId", "SMsent" + i).append("sentAt", past));
            }
            mongo.insert(inbound, "inbound_messages");
            mongo.insert(outbox, "outbox");
        }
    }
}
