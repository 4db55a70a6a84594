package fr.boussole.app.testing;

import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small engine for the pipeline's tests (the real one lives in dialogs): it counts the messages
 * of its conversation in its state, keeps their texts in order, and answers "echo N: text". A few
 * words trigger the events the pipeline must carry out. Calls are counted per provider message id
 * in a static map, shared by every context of the JVM, so that "processed once" is checkable
 * across instances and restarts.
 */
public class EchoEngine implements ConversationEngine {

    public static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    /** text -> how many more times handling it throws */
    public static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    @Override
    public Turn handle(ConversationState state, Inbound inbound, Instant now) {
        CALLS.computeIfAbsent(inbound.providerMessageId(), k -> new AtomicInteger()).incrementAndGet();
        String text = inbound.choiceId() != null ? "choice:" + inbound.choiceId() + ":" + inbound.text() : inbound.text();
        AtomicInteger failures = FAILURES.get(text);
        if (failures != null && failures.getAndDecrement() > 0) {
            throw new IllegalStateException("scripted failure");
        }
        long count = ((Number) state.values().getOrDefault("count", 0)).longValue() + 1;
        @SuppressWarnings("unchecked")
        List<Object> history = new ArrayList<>((List<Object>) state.values().getOrDefault("history", List.of()));
        history.add(text);
        Map<String, Object> values = new HashMap<>(state.values());
        values.put("count", count);
        values.put("history", history);
        List<DialogEvent> events = new ArrayList<>();
        switch (text) {
            case "contact" -> {
                events.add(new DialogEvent.ContactRequested(draft(state, now)));
                events.add(new DialogEvent.Reply(OutboundMessage.of("contact " + count)));
            }
            case "erase" -> {
                values.remove("history");
                events.add(new DialogEvent.ErasureRequested());
                events.add(new DialogEvent.Reply(OutboundMessage.of("erased " + count)));
            }
            case "stop" -> {
                events.add(new DialogEvent.Reply(OutboundMessage.of("bye " + count)));
                events.add(new DialogEvent.OptedOut());
                events.add(new DialogEvent.Reply(OutboundMessage.of("never sent")));
            }
            case "start" -> {
                events.add(new DialogEvent.OptedIn());
                events.add(new DialogEvent.Reply(OutboundMessage.of("welcome back " + count)));
            }
            case "two" -> {
                events.add(new DialogEvent.Reply(OutboundMessage.of("first " + count)));
                events.add(new DialogEvent.Reply(OutboundMessage.of("second " + count)));
            }
            case "search" -> {
                events.add(new DialogEvent.SearchRecorded("46042", "lot", "emploi", 3));
                events.add(new DialogEvent.Reply(OutboundMessage.of("found " + count)));
            }
            default -> events.add(new DialogEvent.Reply(OutboundMessage.withChoices("echo " + count + ": " + text,
                    List.of(new Choice("yes", "Oui"), new Choice("no", "Non")))));
        }
        return new Turn(new ConversationState(state.key(), values), events);
    }

    private static ContactRequestDraft draft(ConversationState state, Instant now) {
        return new ContactRequestDraft(state.key(), "offer-1", "lot", "emploi", "q-emploi", 1, 19, "46042",
                "Cahors", List.of(), ContactMethod.PHONE, "+33600000000",
                new ConsentRecord("consent text", "v1", now, state.key().channel()), now);
    }
}
