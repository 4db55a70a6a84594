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
    private final AnswerReader reader;
    private final OfferPages offers;
    private final Prompts prompts;

    public JourneyEngine(JourneyPorts ports) {
        this.ports = ports;
        this.reader = new AnswerReader(ports.understanding(), ports.communes(), ports.texts());
        this.offers = new OfferPages(ports);
        this.prompts = new Prompts(ports, reader, offers);
    }

    @Override
    public Turn handle(ConversationState state, Inbound inbound, Instant now) {
        Session session = Session.of(state);
        List<DialogEvent> events = new ArrayList<>();
        new TurnRunner(ports, reader, offers, prompts, session, inbound, now, events).run();
        if (session.phase() != Phase.NEW || session.optedOut()) {
            session.lastSeen(now);
        }
        return new Turn(session.toState(), events);
    }
}
