package fr.boussole.core.journey;

import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.DialogEvent.QuestionnaireProgress.Stage;
import fr.boussole.core.journey.JourneyState.Position;
import fr.boussole.core.language.Reading;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.offer.OfferSummary;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.QuestionnaireRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * One turn in progress: the state as it stands, the message, the events so far, and the moves every
 * step makes. The step classes read everything from here; the state is an immutable value replaced
 * as the turn goes.
 */
final class TurnContext {

    /** Kind re-asks of one question; then an easier way to answer. */
    static final int MAX_REASKS = 2;
    /** After this many failed answers to one question, each re-ask also gives a person to call. */
    static final int STUCK_AFTER = 4;
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
    final PersonToTalkTo person = new PersonToTalkTo(this);
    private JourneyState state;
    private Reading reading;
    private BooleanSupplier correction = () -> false;

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

    /** Everything the message says, read once; nothing for a tap or an empty message. */
    Reading reading() {
        if (reading == null) {
            reading = typed() ? ports.understanding().read(inbound.text()) : Reading.nothing();
        }
        return reading;
    }

    /** Whether the young person typed words (rather than tapped a button or shared a phone). */
    boolean typed() {
        return inbound != null && inbound.choiceId() == null && !inbound.text().isBlank();
    }

    int currentYear() {
        return LocalDate.ofInstant(now, ports.settings().zone()).getYear();
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

    /**
     * The first page of offers; a new search (not a return to the list) is recorded for statistics,
     * and when it finds one offer only, that offer's card is shown at once.
     */
    void showOffers(boolean newSearch, String prefix) {
        update(s -> s.withSearch(s.search().withPage(0)));
        List<OfferSummary> found = offers.matching(state, now);
        if (newSearch) {
            events.add(new DialogEvent.SearchRecorded(state.profile().communeInsee(), state.profile().territoryId(),
                    state.search().theme(), found.size()));
            progress(Stage.COMPLETED, null);
        }
        if (newSearch && found.size() == 1) {
            update(s -> s.withRequest(s.request().withOffer(found.getFirst().id())));
            enter(Phase.OFFER, null, ProfileSteps.join(prefix, texts.text("offers.header-one")));
            return;
        }
        enter(Phase.OFFERS, null, prefix);
    }

    Optional<Questionnaire> questionnaire() {
        return prompts.questionnaire(state);
    }

    /**
     * A theme chosen: its questionnaire in force in the territory now is the one this journey answers to
     * the end. A theme named before the commune ("du boulot à Rodez", read in that order) has no territory
     * yet: its version is pinned when the questions begin ({@link #pinQuestionnaire()}).
     */
    void chooseTheme(String theme) {
        String territory = state.profile().territoryId();
        QuestionnaireRef questionnaire = territory == null ? null
                : ports.questionnaires().current(territory, theme).map(QuestionnaireRef::of).orElse(null);
        update(s -> s.withSearch(s.search().withTheme(theme, questionnaire)));
    }

    /** Records the version in force for a theme chosen before the territory was known; the answers stay. */
    void pinQuestionnaire() {
        JourneyState.Search search = state.search();
        String territory = state.profile().territoryId();
        if (search.theme() == null || search.questionnaire() != null || territory == null) {
            return;
        }
        ports.questionnaires().current(territory, search.theme()).map(QuestionnaireRef::of)
                .ifPresent(ref -> update(s -> s.withSearch(s.search().withQuestionnaire(ref))));
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

    /**
     * A kind re-ask, at most twice; then an easier way to answer; from the fifth failure on, a person
     * to call comes first, every time, so that nobody is caught in a loop with no way out.
     */
    void reask(String reaskKey, String easierKey) {
        if (corrected()) {
            return;
        }
        state = state.withReasks(state.reasks() + 1);
        if (state.reasks() > STUCK_AFTER) {
            say(OutboundMessage.of(texts.text("stuck") + "\n" + person.lineWhenStuck()));
        }
        String lead = state.reasks() <= MAX_REASKS ? texts.text(reaskKey) : texts.text(easierKey);
        say(withPersonWhenStuck(prefixed(lead, prompt())));
    }

    /** Not understood twice in a row: someone of the territory's desk is offered beside the question. */
    private OutboundMessage withPersonWhenStuck(OutboundMessage message) {
        if (state.reasks() < MAX_REASKS) {
            return message;
        }
        return HandoverSteps.choiceWhenStuck(this)
                .filter(person -> message.choices().stream().noneMatch(c -> c.id().equals(person.id())))
                .map(person -> {
                    List<Choice> choices = new ArrayList<>(message.choices());
                    choices.add(person);
                    return new OutboundMessage(message.text(), choices, message.asksForPhone());
                }).orElse(message);
    }

    /** Mid-way, a message the step does not understand is first read as a correction (age, commune, theme). */
    void correctionBeforeReask(BooleanSupplier correction) {
        this.correction = correction;
    }

    /** Whether the message, not understood by the step, was taken as a correction instead. */
    boolean corrected() {
        return typed() && correction.getAsBoolean();
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
