package fr.boussole.pipeline.conversation;

import fr.boussole.pipeline.inbound.InboundMessage;
import fr.boussole.pipeline.outbox.MongoOutbox;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.followup.ContactChecks;
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
 * value), so a turn interrupted by a crash is completed by running this again from the start.
 */
@Component
class TurnEffects {

    /** Room for the replies of one message within the conversation's sequence of deliveries. */
    static final long SLOTS_PER_MESSAGE = MongoOutbox.SLOTS_PER_MESSAGE;

    private final MongoOutbox outbox;
    private final Conversations conversations;
    private final ContactRequests contactRequests;
    private final ContactRequestAlerts alerts;
    private final SearchLog searches;
    private final ContactChecks checks;
    private final MeterRegistry meters;
    private final DataRights rights;
    private final FunnelLog funnel;

    TurnEffects(MongoOutbox outbox, Conversations conversations,
                ContactRequests contactRequests, ContactRequestAlerts alerts, SearchLog searches,
                ContactChecks checks, MeterRegistry meters, DataRights rights, FunnelLog funnel) {
        this.rights = rights;
        this.funnel = funnel;
        this.outbox = outbox;
        this.conversations = conversations;
        this.contactRequests = contactRequests;
        this.alerts = alerts;
        this.searches = searches;
        this.checks = checks;
        this.meters = meters;
    }

    /** @return the outbox ids of the replies enqueued, in order */
    List<String> carryOut(InboundMessage message, boolean optedOutBefore, List<DialogEvent> events) {
        List<String> replies = new java.util.ArrayList<>();
        ConversationKey key = message.conversation();
        long firstSlot = message.sequence() * SLOTS_PER_MESSAGE;
        boolean optedOut = optedOutBefore;
        for (int index = 0; index < events.size(); index++) {
            String slot = Integer.toString(index);
            switch (events.get(index)) {
                case DialogEvent.Reply reply -> {
                    if (!optedOut) {
                        String id = Ids.derived("ob", message.id(), slot);
                        outbox.enqueue(new Delivery(id, key.channel(), key.address(),
                                key, firstSlot + index, 1, new DeliveryPayload.Chat(reply.message())), message.id());
                        replies.add(id);
                    }
                }
                case DialogEvent.ContactRequested requested -> {
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
                case DialogEvent.OptedOut ignored -> {
                    conversations.setOptedOut(key, true);
                    optedOut = true;
                }
                case DialogEvent.ContactCheckAnswered answered -> {
                    // At the message's own time, so that a replay after a crash records the same answer.
                    checks.answered(answered.requestId(), answered.answer(), message.inbound().receivedAt());
                    meters.counter("boussole.contact_checks.answered", "answer", answered.answer().name()).increment();
                }
                case DialogEvent.QuestionnaireProgress progress ->
                        funnel.record(progress, Ids.derived("qf", message.id(), slot));
                case DialogEvent.OptedIn ignored -> {
                    conversations.setOptedOut(key, false);
                    optedOut = false;
                }
            }
        }
        return replies;
    }
}
