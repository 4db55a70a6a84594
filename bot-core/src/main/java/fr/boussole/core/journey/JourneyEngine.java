package fr.boussole.core.journey;

import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.conversation.Input;
import fr.boussole.core.message.Inbound;

import java.time.Instant;
import fr.boussole.core.questionnaire.Option;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The journey of every theme, as a deterministic state machine: the same state, message and time
 * always give the same new state and events. Reads go through the ports; nothing is written.
 */
public final class JourneyEngine implements ConversationEngine {

    /** Texts shown as choice labels, normalised once rather than on every turn. */
    private static final List<String> LABEL_KEYS = List.of("choice.yes", "choice.no", "choice.restart", "resume.resume",
            "contact.yes", "consent.refuse", "done.other-offers", "offers.more", "offers.other-theme",
            "offers.other-offers", "contact.email-keep", "commune.home-no", "check.yes", "check.no", "check.not-yet",
            "news.send", "news.decline", "news.contacted", "person.yes", "person.no", "person.choice");

    private final JourneyPorts ports;
    private final Map<String, String> normalisedLabels;

    public JourneyEngine(JourneyPorts ports) {
        this.ports = ports;
        this.normalisedLabels = normalisedLabels(ports);
    }

    /**
     * The normalised forms of every fixed label, id and alias the engine compares typed text with:
     * normalising is the dearest part of a turn after the intent model, and these never change.
     */
    private static Map<String, String> normalisedLabels(JourneyPorts ports) {
        Set<String> fixed = new HashSet<>();
        for (Questionnaire questionnaire : ports.questionnaires().national().byTheme().values()) {
            for (Step step : questionnaire.steps()) {
                List<Option> options = switch (step.question()) {
                    case Question.SingleChoice single -> single.options();
                    case Question.MultipleChoice multiple -> multiple.options();
                    default -> List.of();
                };
                for (Option option : options) {
                    fixed.add(option.id());
                    fixed.add(option.id().replace('-', ' '));
                    fixed.add(option.label());
                    fixed.addAll(option.aliases());
                }
            }
        }
        LABEL_KEYS.forEach(key -> fixed.add(ports.texts().text(key)));
        Map<String, String> normalised = new HashMap<>();
        fixed.forEach(text -> normalised.put(text, ports.understanding().normalise(text)));
        return Map.copyOf(normalised);
    }

    @Override
    public Turn handle(ConversationState state, Inbound inbound, Instant now) {
        return handle(state, Input.of(inbound), now);
    }

    /** A turn on a typed input: the young person's message, or a system input. */
    public Turn handle(ConversationState stored, Input input, Instant now) {
        JourneyState state = JourneyStateCodec.decode(stored);
        // Per-turn helpers: they remember intents and matches worked out during this turn only.
        JourneyPorts turnPorts = new JourneyPorts(ports.catalog(), ports.territories(), ports.communes(),
                new TurnUnderstanding(ports.understanding(), normalisedLabels), ports.questionnaires(), ports.texts(),
                ports.settings());
        AnswerReader reader = new AnswerReader(turnPorts.understanding(), turnPorts.communes(), turnPorts.territories(),
                turnPorts.texts());
        OfferPages offers = new OfferPages(turnPorts, stored.key());
        Prompts prompts = new Prompts(turnPorts, reader, offers, stored.key());
        Inbound inbound = input instanceof Input.Message(Inbound message) ? message : null;
        TurnContext turn = new TurnContext(turnPorts, reader, offers, prompts, stored.key(), state, inbound, now);
        new TurnRunner(turn).run(input);
        JourneyState after = turn.state();
        // The system's input is not the young person's activity: it neither starts nor prolongs their session.
        if (input instanceof Input.Message && (after.phase() != Phase.NEW || after.optedOut())) {
            after = after.withLastSeen(now);
        }
        return new Turn(JourneyStateCodec.encode(stored.key(), after), turn.events);
    }
}
