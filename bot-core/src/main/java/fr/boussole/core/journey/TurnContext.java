package fr.boussole.core.journey;

import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.offer.OfferSummary;
import fr.boussole.core.questionnaire.Questionnaire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One turn in progress: the state, the message, the events so far, and the moves every step makes. */
final class TurnContext {

    static final int MAX_REASKS = 2;
    private static final int MAX_TRAIL = 30;

    final JourneyPorts ports;
    final Texts texts;
    final AnswerReader reader;
    final OfferPages offers;
    final Prompts prompts;
    final Session session;
    final Inbound inbound;
    final Instant now;
    final List<DialogEvent> events;

    TurnContext(JourneyPorts ports, AnswerReader reader, OfferPages offers, Prompts prompts, Session session,
                Inbound inbound, Instant now, List<DialogEvent> events) {
        this.ports = ports;
        this.texts = ports.texts();
        this.reader = reader;
        this.offers = offers;
        this.prompts = prompts;
        this.session = session;
        this.inbound = inbound;
        this.now = now;
        this.events = events;
    }

    /** Forgets the journey (not the opt-out) and asks the age again. */
    void restart() {
        session.restart();
        enter(Phase.AGE, null, texts.text("restart.done"));
    }

    /** The first page of offers; a new search (not a return to the list) is recorded for statistics. */
    void showOffers(boolean newSearch, String prefix) {
        session.page(0);
        if (newSearch) {
            List<OfferSummary> found = offers.matching(session, now);
            events.add(new DialogEvent.SearchRecorded(session.communeInsee(), session.territoryId(), session.theme(),
                    found.size()));
        }
        enter(Phase.OFFERS, null, prefix);
    }

    Optional<Questionnaire> questionnaire() {
        return session.theme() == null ? Optional.empty() : ports.questionnaires().forTheme(session.theme());
    }

    /**
     * Whether the state points at a question its questionnaire no longer has (a new version was
     * deployed during the conversation, or the theme lost its questionnaire).
     */
    boolean staleQuestion() {
        return session.phase() == Phase.QUESTION && prompts.currentStep(session).isEmpty();
    }

    /** Moves to a new point of the journey and asks its question, after an optional lead-in. */
    void enter(Phase phase, String step, String prefix) {
        session.phase(phase);
        session.step(step);
        session.reasks(0);
        String position = position();
        List<String> trail = new ArrayList<>(session.trail());
        if (trail.isEmpty() || !trail.getLast().equals(position)) {
            trail.add(position);
        }
        while (trail.size() > MAX_TRAIL) {
            trail.removeFirst();
        }
        session.trail(trail);
        say(prefixed(prefix, prompt()));
    }

    /** A kind re-ask, at most twice; then an easier way to answer, each time it fails. */
    void reask(String reaskKey, String easierKey) {
        session.reasks(session.reasks() + 1);
        String lead = session.reasks() <= MAX_REASKS ? texts.text(reaskKey) : texts.text(easierKey);
        say(prefixed(lead, prompt()));
    }

    String position() {
        return session.step().map(step -> session.phase().name() + ":" + step).orElse(session.phase().name());
    }

    void goTo(String position) {
        int colon = position.indexOf(':');
        session.phase(Phase.valueOf(colon < 0 ? position : position.substring(0, colon)));
        session.step(colon < 0 ? null : position.substring(colon + 1));
        session.reasks(0);
    }

    List<Choice> currentChoices() {
        if (session.phase() == Phase.QUESTION) {
            return prompts.currentStep(session).map(reader::choicesOf).orElse(List.of());
        }
        return prompt().choices();
    }

    OutboundMessage prompt() {
        return prompts.current(session, now);
    }

    void say(OutboundMessage message) {
        events.add(new DialogEvent.Reply(message));
    }

    static OutboundMessage prefixed(String prefix, OutboundMessage message) {
        if (prefix == null || prefix.isBlank()) {
            return message;
        }
        return new OutboundMessage(prefix + "\n\n" + message.text(), message.choices(), message.asksForPhone());
    }
}
