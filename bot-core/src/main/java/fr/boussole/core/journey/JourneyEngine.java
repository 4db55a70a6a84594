package fr.boussole.core.journey;

import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.message.Inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The journey of every theme, as a deterministic state machine: the same state, message and time
 * always give the same new state and events. Reads go through the ports; nothing is written.
 */
public final class JourneyEngine implements ConversationEngine {

    private final JourneyPorts ports;

    public JourneyEngine(JourneyPorts ports) {
        this.ports = ports;
    }

    @Override
    public Turn handle(ConversationState state, Inbound inbound, Instant now) {
        Session session = Session.of(state);
        List<DialogEvent> events = new ArrayList<>();
        // Per-turn helpers: they remember intents and matches worked out during this turn only.
        JourneyPorts turn = new JourneyPorts(ports.catalog(), ports.territories(), ports.communes(),
                new TurnUnderstanding(ports.understanding()), ports.questionnaires(), ports.texts(), ports.settings());
        AnswerReader reader = new AnswerReader(turn.understanding(), turn.communes(), turn.texts());
        OfferPages offers = new OfferPages(turn);
        Prompts prompts = new Prompts(turn, reader, offers);
        new TurnRunner(turn, reader, offers, prompts, session, inbound, now, events).run();
        if (session.phase() != Phase.NEW || session.optedOut()) {
            session.lastSeen(now);
        }
        return new Turn(session.toState(), events);
    }
}
