package fr.boussole.pipeline.conversation;

import fr.boussole.pipeline.inbound.InboundMessage;
import fr.boussole.pipeline.outbox.MongoOutbox;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.ContactRequestDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.function.BooleanSupplier;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.followup.ContactChecks;
import fr.boussole.core.handover.Handovers;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.offer.ContactRequestAlerts;
import fr.boussole.core.offer.ContactRequests;
import fr.boussole.core.questionnaire.FunnelLog;
import fr.boussole.core.rights.DataRights;
import fr.boussole.core.rights.DataSubject;
import fr.boussole.core.offer.SearchLog;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Carries out a stored turn's events. Every effect is idempotent (derived ids, flags set to a
 * value), so a turn interrupted by a crash is completed by running this again from the start. What
 * must hold whoever runs it (the opt-out flag) is not an effect: it was stored with the turn.
 * <p>
 * Effects are fenced by the conversation's epoch: a worker that carries out a turn after the
 * conversation was erased (it lost its lease, was paused, then woke up) must not bring back what the
 * erasure removed. It looks before each effect and once more after the last; an erasure that came in
 * between is answered by undoing what this run wrote (its replies cancelled and emptied, the person of
 * a contact request it recorded erased again). An erasure removes first and sweeps after, and this
 * writes first and looks after, so one of the two always sees the other.
 */
@Component
class TurnEffects {

    private static final Logger log = LoggerFactory.getLogger(TurnEffects.class);

    /** Room for the replies of one message within the conversation's sequence of deliveries. */
    static final long SLOTS_PER_MESSAGE = MongoOutbox.SLOTS_PER_MESSAGE;
    /** How long effects are written without looking at the conversation's epoch again. */
    private static final long LOOK_AGAIN_AFTER_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(200);

    private final MongoOutbox outbox;
    private final ContactRequests contactRequests;
    private final ContactRequestAlerts alerts;
    private final SearchLog searches;
    private final ContactChecks checks;
    private final MeterRegistry meters;
    private final DataRights rights;
    private final Handovers handovers;
    private final Clock clock;
    private final FunnelLog funnel;

    TurnEffects(MongoOutbox outbox, ContactRequests contactRequests, ContactRequestAlerts alerts, SearchLog searches,
                ContactChecks checks, MeterRegistry meters, DataRights rights, Handovers handovers, Clock clock,
                FunnelLog funnel) {
        this.rights = rights;
        this.handovers = handovers;
        this.funnel = funnel;
        this.outbox = outbox;
        this.contactRequests = contactRequests;
        this.alerts = alerts;
        this.searches = searches;
        this.checks = checks;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * What a run of the effects did.
     *
     * @param replies  the outbox ids of the replies enqueued, in order
     * @param messages those replies, in the same order
     */
    record Outcome(List<String> replies, List<fr.boussole.core.message.OutboundMessage> messages, boolean fenced) {}

    /**
     * @param optedOutBefore whether the young person had opted out before this turn (as stored with it)
     * @param stillOurs      whether the conversation is still in the life the turn was stored in
     * @return the outbox ids of the replies enqueued, in order; {@code fenced} when an erasure came first
     */
    Outcome carryOut(InboundMessage message, boolean optedOutBefore, List<DialogEvent> events, BooleanSupplier stillOurs) {
        List<String> replies = new ArrayList<>();
        List<fr.boussole.core.message.OutboundMessage> messages = new ArrayList<>();
        List<ContactRequestDraft> requests = new ArrayList<>();
        ConversationKey key = message.conversation();
        long firstSlot = message.sequence() * SLOTS_PER_MESSAGE;
        boolean optedOut = optedOutBefore;
        long lookedAt = System.nanoTime();
        for (int index = 0; index < events.size(); index++) {
            // a look before an effect when time went by since the last (a pause is when an erasure gets in);
            // the look after the last effect, below, is the one the fence rests on
            if (System.nanoTime() - lookedAt > LOOK_AGAIN_AFTER_NANOS) {
                if (!stillOurs.getAsBoolean()) {
                    return undo(message, replies, requests);
                }
                lookedAt = System.nanoTime();
            }
            String slot = Integer.toString(index);
            switch (events.get(index)) {
                case DialogEvent.Reply reply -> {
                    if (!optedOut) {
                        String id = Ids.derived("ob", message.id(), slot);
                        replies.add(id);
                        messages.add(reply.message());
                        outbox.enqueue(new Delivery(id, key.channel(), key.address(),
                                key, firstSlot + index, 1, new DeliveryPayload.Chat(reply.message())), message.id());
                    }
                }
                case DialogEvent.ContactRequested requested -> {
                    requests.add(requested.draft());
                    ContactRequests.Recorded recorded =
                            contactRequests.record(Ids.derived("cr", message.id(), slot), requested.draft());
                    alerts.requestRecorded(recorded);
                    meters.counter("boussole.contact_requests", "channel", key.channel().id()).increment();
                }
                case DialogEvent.SearchRecorded search -> {
                    searches.record(search, Ids.derived("se", message.id(), slot));
                    meters.counter("boussole.searches", "theme", String.valueOf(search.theme()),
                            "found", search.offersFound() > 0 ? "yes" : "no").increment();
                }
                // the same eraser as the animateur's, scoped to this conversation up to this message;
                // at the message's own time, so that a replay after a crash erases the same
                case DialogEvent.ErasureRequested ignored ->
                        rights.erase(new DataSubject.Writer(key, message.sequence()), message.inbound().receivedAt());
                // stored with the turn (Conversations.applyTurn): here it only stops the replies that follow
                case DialogEvent.OptedOut ignored -> optedOut = true;
                case DialogEvent.ContactCheckAnswered answered -> {
                    // At the message's own time, so that a replay after a crash records the same answer.
                    checks.answered(answered.requestId(), answered.answer(), message.inbound().receivedAt());
                    meters.counter("boussole.contact_checks.answered", "answer", answered.answer().name()).increment();
                }
                case DialogEvent.AnotherOfferRequested another -> {
                    // a new request made of the previous one: nothing recorded if it was erased meanwhile
                    var recorded = contactRequests.recordAnother(Ids.derived("cr", message.id(), slot),
                            another.previousRequestId(), another.offerId(), another.consent());
                    if (recorded.isPresent()) {
                        alerts.requestRecorded(recorded.get());
                        meters.counter("boussole.contact_requests", "channel", key.channel().id()).increment();
                    } else {
                        meters.counter("boussole.contact_requests.not_recorded", "channel", key.channel().id()).increment();
                    }
                }
                // anonymous marks under ids derived from the message: a replay records the same ones
                case DialogEvent.QuestionnaireProgress progress ->
                        funnel.record(progress, Ids.derived("qf", message.id(), slot));
                // at the message's own time, so that a replay after a crash records the same
                case DialogEvent.HandoverRequested requested -> handovers.requested(Ids.derived("ho", message.id(), slot),
                        key, requested.territoryId(), requested.reason(), message.inbound().receivedAt());
                case DialogEvent.HandoverHeard ignored -> handovers.heard(key, message.inbound().receivedAt());
                case DialogEvent.HandoverEnded ended -> handovers.ended(key, ended.reason(), message.inbound().receivedAt());
                case DialogEvent.OptedIn ignored -> optedOut = false;
            }
        }
        if (!stillOurs.getAsBoolean()) {
            return undo(message, replies, requests);
        }
        return new Outcome(replies, messages, false);
    }

    /** The conversation was erased while this turn's effects were being written: take them back. */
    private Outcome undo(InboundMessage message, List<String> replies, List<ContactRequestDraft> requests) {
        meters.counter("boussole.processing.fenced").increment();
        log.warn("inbound {}: its conversation was erased while its turn was carried out; its effects are taken back",
                message.id());
        replies.forEach(outbox::cancel);
        Instant now = clock.instant();
        for (ContactRequestDraft draft : requests) {
            DataSubject.parse(draft.contactAddress()).ifPresent(person -> rights.erase(person, now));
        }
        return new Outcome(List.of(), List.of(), true);
    }
}
