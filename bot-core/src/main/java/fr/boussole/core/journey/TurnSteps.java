package fr.boussole.core.journey;

import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.message.Inbound;

import java.time.Instant;
import java.util.List;

/**
 * What every group of steps works with during one turn, taken from the {@link TurnContext} once,
 * so that each step class holds only its own rules.
 */
abstract class TurnSteps {

    final TurnContext turn;
    final JourneyPorts ports;
    final Texts texts;
    final AnswerReader reader;
    final OfferPages offers;
    final Prompts prompts;
    final Session session;
    final Inbound inbound;
    final Instant now;
    final List<DialogEvent> events;

    TurnSteps(TurnContext turn) {
        this.turn = turn;
        this.ports = turn.ports;
        this.texts = turn.texts;
        this.reader = turn.reader;
        this.offers = turn.offers;
        this.prompts = turn.prompts;
        this.session = turn.session;
        this.inbound = turn.inbound;
        this.now = turn.now;
        this.events = turn.events;
    }
}
