package fr.boussole.app.soak;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import fr.boussole.channels.webchat.WebChatController;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the store holds at the end, conversation by conversation, against what the clients saw:
 * turns beyond one per message (a version above the processed count), outbox entries beyond the
 * replies of their messages, messages recorded twice or out of the order they were sent, and
 * acknowledged messages left unanswered.
 */
record StoreCount(long recorded, long processed, long parked, long pending, long answered, long duplicateRecords,
                  long duplicateTurns, long duplicateReplies, long outOfOrder, long lost, List<String> lostIds) {

    static final Duration SETTLE = Duration.ofSeconds(180);

    static StoreCount read(String mongoUri, Traffic traffic) throws InterruptedException {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase db = client.getDatabase("boussole");
            awaitNothingPending(db.getCollection("inbound_messages"));
            return count(db, traffic);
        }
    }

    private static void awaitNothingPending(MongoCollection<Document> inbound) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (inbound.countDocuments(Filters.eq("status", "PENDING")) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    private static StoreCount count(MongoDatabase db, Traffic traffic) {
        MongoCollection<Document> inbound = db.getCollection("inbound_messages");
        MongoCollection<Document> conversations = db.getCollection("conversations");
        MongoCollection<Document> outbox = db.getCollection("outbox");
        long recorded = 0, processed = 0, parked = 0, pending = 0, answered = 0, duplicateRecords = 0;
        long duplicateTurns = 0, duplicateReplies = 0, outOfOrder = 0, lost = 0;
        List<String> lostIds = new ArrayList<>();
        for (int journey = 0; journey < traffic.journeys.get(); journey++) {
            String session = traffic.sessionId(journey);
            Map<String, Integer> steps = providerIds(session);
            List<Document> messages = inbound.find(Filters.in("providerMessageId", steps.keySet()))
                    .sort(Sorts.ascending("sequence")).into(new ArrayList<>());
            // the store's own name for the conversation, whatever it is derived from
            String key = messages.isEmpty() ? null : messages.getFirst().getString("conversation");
            Set<String> providerIds = new HashSet<>();
            Map<String, Document> byStep = new HashMap<>();
            int previousStep = -1;
            long processedHere = 0;
            int expectedReplies = 0;
            for (Document message : messages) {
                recorded++;
                String providerId = message.getString("providerMessageId");
                if (!providerIds.add(providerId)) {
                    duplicateRecords++;
                }
                int step = steps.get(providerId);
                if (step < previousStep) {
                    outOfOrder++;
                }
                previousStep = step;
                byStep.put(Integer.toString(step), message);
                switch (message.getString("status")) {
                    case "PROCESSED" -> {
                        processed++;
                        processedHere++;
                        List<String> replies = message.getList("replies", String.class, List.of());
                        expectedReplies += replies.size();
                        if (!replies.isEmpty()) {
                            answered++;
                        }
                    }
                    case "PARKED" -> parked++;
                    default -> pending++;
                }
            }
            Document conversation = key == null ? null : conversations.find(Filters.eq("_id", key)).first();
            if (conversation != null) {
                duplicateTurns += Math.max(0, ((Number) conversation.get("version")).longValue() - processedHere);
            }
            long entries = key == null ? 0 : outbox.countDocuments(Filters.eq("conversation", key));
            duplicateReplies += Math.max(0, entries - expectedReplies);
            for (int step = 0; step < Traffic.JOURNEY.size(); step++) {
                Traffic.Outcome seen = traffic.outcomes.get(session + "/" + step);
                if (seen == null || !seen.acknowledged()) {
                    continue;
                }
                Document message = byStep.get(Integer.toString(step));
                boolean answeredInStore = message != null && "PROCESSED".equals(message.getString("status"))
                        && !message.getList("replies", String.class, List.of()).isEmpty();
                if (!answeredInStore || seen.replies() == 0) {
                    lost++;
                    lostIds.add(session + "/" + step);
                }
            }
        }
        return new StoreCount(recorded, processed, parked, pending, answered, duplicateRecords, duplicateTurns,
                duplicateReplies, outOfOrder, lost, lostIds);
    }

    /**
     * The provider message ids a journey's messages are recorded under, with their step: derived
     * from the session and the X-Message-Id, so that the session id stays out of the store.
     */
    static Map<String, Integer> providerIds(String session) {
        Map<String, Integer> ids = new HashMap<>();
        for (int step = 0; step < Traffic.JOURNEY.size(); step++) {
            ids.put(WebChatController.providerMessageId(session, "step-" + step), step);
        }
        return ids;
    }
}
