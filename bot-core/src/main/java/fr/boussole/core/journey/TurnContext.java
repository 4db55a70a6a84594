package fr.boussole.core.journey;

import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.DialogEvent.QuestionnaireProgress.Stage;
import fr.boussole.core.journey.JourneyState.Position;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.offer.OfferSummary;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.QuestionnaireRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One turn in progress: the state as it stands, the message, the events so far, and the moves every
 * step makes. The step classes read everything from here; the state is an immutable value replaced
 * as the turn goes.
 */
final class TurnContext {

    static final int MAX_REASKS = 2;
    private static final int MAX_TRAIL = 30;

    final JourneyPorts ports;
    final Texts texts;
    final AnswerReader reader;
    final OfferPages offers;
    final Prompts prompts;
    final ConversationKey key;
    /** The young person's message; null on a system input, which no step reads. */
    final Inbound inbound;
    final Instant now;
    final List<DialogEvent> events = new ArrayList<>();
    private JourneyState state;

    TurnContext(JourneyPorts ports, AnswerReader reader, OfferPages offers, Prompts prompts, ConversationKey key,
                JourneyState state, Inbound inbound, Instant now) {
        this.ports = ports;
        this.texts = ports.texts();
        this.reader = reader;
        this.offers = offers;
        this.prompts = prompts;
        this.key = key;
        this.state = state;
        this.inbound = inbound;
        this.now = now;
    }

    JourneyState state() {
        return state;
    }

    void state(JourneyState next) {
        state = next;
    }

    void update(UnaryOperator<JourneyState> change) {
        state = change.apply(state);
    }

    /** Forgets the journey (not the opt-out) and asks the age again. */
    void restart() {
        state = state.restarted();
        enter(Phase.AGE, null, texts.text("restart.done"));
    }

    /** The first page of offers; a new search (not a return to the list) is recorded for statistics. */
    void showOffers(boolean newSearch, String prefix) {
        update(s -> s.withSearch(s.search().withPage(0)));
        if (newSearch) {
            List<OfferSummary> found = offers.matching(state, now);
            events.add(new DialogEvent.SearchRecorded(state.profile().communeInsee(), state.profile().territoryId(),
                    state.search().theme(), found.size()));
            progress(Stage.COMPLETED, null);
        }
        enter(Phase.OFFERS, null, prefix);
    }

    Optional<Questionnaire> questionnaire() {
        return prompts.questionnaire(state);
    }

    /** A theme chosen: its questionnaire in force in the territory now is the one this journey answers to the end. */
    void chooseTheme(String theme) {
        QuestionnaireRef questionnaire = ports.questionnaires().current(state.profile().territoryId(), theme)
                .map(QuestionnaireRef::of).orElse(null);
        update(s -> s.withSearch(s.search().withTheme(theme, questionnaire)));
    }

    /** A stage of the drop-off funnel reached, for the questionnaire this journey answers. */
    void progress(Stage stage, String questionId) {
        questionnaire().ifPresent(q -> events.add(new DialogEvent.QuestionnaireProgress(state.profile().territoryId(),
                q.id(), q.version(), questionId, stage)));
    }

    /**
     * Whether the state points at a question its questionnaire no longer has (a new version was
     * deployed during the conversation, or the theme lost its questionnaire).
     */
    boolean staleQuestion() {
        return state.phase() == Phase.QUESTION && prompts.currentStep(state).isEmpty();
    }

    /** Moves to a new point of the journey and asks its question, after an optional lead-in. */
    void enter(Phase phase, String step, String prefix) {
        Position position = new Position(phase, step);
        if (phase == Phase.QUESTION && !state.search().reached().contains(step)) {
            progress(Stage.REACHED, step); // first time in this pass: "retour" does not count it twice
            update(s -> s.withSearch(s.search().withReached(step)));
        }
        List<Position> trail = new ArrayList<>(state.trail());
        if (trail.isEmpty() || !trail.getLast().equals(position)) {
            trail.add(position);
        }
        while (trail.size() > MAX_TRAIL) {
            trail.removeFirst();
        }
        state = state.at(position).withTrail(trail);
        say(prefixed(prefix, prompt()));
    }

    /** A kind re-ask, at most twice; then an easier way to answer, each time it fails. */
    void reask(String reaskKey, String easierKey) {
        state = state.withReasks(state.reasks() + 1);
        String lead = state.reasks() <= MAX_REASKS ? texts.text(reaskKey) : texts.text(easierKey);
        say(prefixed(lead, prompt()));
    }

    List<Choice> currentChoices() {
        if (state.phase() == Phase.QUESTION) {
            return prompts.currentStep(state).map(reader::choicesOf).orElse(List.of());
        }
        return prompt().choices();
    }

    OutboundMessage prompt() {
        return prompts.current(state, now);
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
