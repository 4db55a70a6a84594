package fr.boussole.console.questionnaires;

import fr.boussole.console.security.ConsoleUser;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.simulation.Simulator;
import fr.boussole.store.questionnaire.TerritoryQuestionnaires;
import fr.boussole.store.territory.Territory;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator: a web chat on the territory's draft (or, without one, on the questionnaire in force),
 * run by the real engine and understanding through the {@link Simulator} port, in the territory even
 * while it is in preparation. The trial conversation lives in the animateur's session only: nothing is
 * sent, nothing is stored, and a request at the end is described, not made.
 */
@Controller
class SimulatorController {

    static final String PAGE = "console/questionnaire-simulator";
    private static final int MAX_TEXT = 2000;
    private static final int MAX_CHOICE = 200;

    /** What the page sends: a text typed or a choice tapped (with the label shown on its button). */
    record Message(String text, String choice, String label) {}

    /**
     * What the turn did, in order: a message of the bot ({@code reply}, with its text and choices), or
     * an event the page describes without it being carried out ({@code search} with the offers found,
     * {@code request}, {@code erasure}, {@code stop}, {@code other}).
     */
    record Item(String kind, String text, List<Choice> choices, int offers) {
        static Item note(String kind, int offers) {
            return new Item(kind, null, List.of(), offers);
        }
    }

    record Answer(List<Item> items) {}

    private final TerritoryQuestionnaires questionnaires;
    private final DraftScope scope;
    private final Simulator simulator;
    private final Clock clock;

    SimulatorController(TerritoryQuestionnaires questionnaires, DraftScope scope, Simulator simulator, Clock clock) {
        this.questionnaires = questionnaires;
        this.scope = scope;
        this.simulator = simulator;
        this.clock = clock;
    }

    @GetMapping(QuestionnairesController.BASE + "/{theme}/simulateur")
    String page(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme, Model model, HttpSession session) {
        Territory territory = scope.territory(user);
        scope.theme(territory, theme);
        session.removeAttribute(key(theme)); // a fresh trial each time the page opens
        model.addAttribute("user", user);
        model.addAttribute("territory", territory);
        model.addAttribute("theme", theme);
        model.addAttribute("draft", questionnaires.draft(territory.getId(), theme).isPresent());
        model.addAttribute("tried", tried(territory, theme));
        return PAGE;
    }

    @PostMapping(path = QuestionnairesController.BASE + "/{theme}/simulateur/messages",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Answer> send(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme,
                                @RequestBody(required = false) Message message, HttpSession session) {
        Territory territory = scope.territory(user);
        scope.theme(territory, theme);
        boolean hasText = message != null && message.text() != null && !message.text().isBlank();
        boolean hasChoice = message != null && message.choice() != null && !message.choice().isBlank();
        if (hasText == hasChoice || (hasText && message.text().length() > MAX_TEXT)
                || (hasChoice && (message.choice().length() > MAX_CHOICE
                || (message.label() != null && message.label().length() > MAX_CHOICE)))) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).build();
        }
        ConversationState state = state(session, theme);
        String id = Ids.random("sim");
        Inbound inbound = hasText ? Inbound.text(id, state.key(), message.text().strip(), clock.instant())
                : Inbound.choice(id, state.key(), message.choice(), message.label() == null ? "" : message.label(),
                clock.instant());
        Turn turn = simulator.send(territory.getId(), tried(territory, theme), state, inbound);
        session.setAttribute(key(theme), new LinkedHashMap<>(turn.state().toStored()));
        return ResponseEntity.ok(answer(turn));
    }

    @PostMapping(QuestionnairesController.BASE + "/{theme}/simulateur/recommencer")
    ResponseEntity<Void> restart(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme,
                                 HttpSession session) {
        Territory territory = scope.territory(user);
        scope.theme(territory, theme);
        session.removeAttribute(key(theme));
        return ResponseEntity.noContent().build();
    }

    /** The draft if there is one, else what young people answer now. */
    private Questionnaire tried(Territory territory, String theme) {
        return questionnaires.draft(territory.getId(), theme).map(TerritoryQuestionnaires.Draft::questionnaire)
                .or(() -> questionnaires.inForce(territory.getId(), theme)).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static ConversationState state(HttpSession session, String theme) {
        Object stored = session.getAttribute(key(theme));
        if (stored instanceof Map<?, ?> map) {
            return ConversationState.fromStored((Map<String, Object>) map);
        }
        // A web conversation of its own: the engine treats it as the web chat's, and nothing outside knows it.
        return ConversationState.start(new ConversationKey(Channel.WEB, Ids.random("simulation")));
    }

    private static String key(String theme) {
        return "questionnaire-simulator." + theme;
    }

    private static Answer answer(Turn turn) {
        List<Item> items = new ArrayList<>();
        for (DialogEvent event : turn.events()) {
            if (event instanceof DialogEvent.Reply reply) {
                items.add(new Item("reply", reply.message().text(), reply.message().choices(), 0));
            } else if (event instanceof DialogEvent.SearchRecorded search) {
                items.add(Item.note("search", search.offersFound()));
            } else if (event instanceof DialogEvent.ContactRequested) {
                items.add(Item.note("request", 0));
            } else if (event instanceof DialogEvent.ErasureRequested) {
                items.add(Item.note("erasure", 0));
            } else if (event instanceof DialogEvent.OptedOut) {
                items.add(Item.note("stop", 0));
            } else if (event instanceof DialogEvent.QuestionnaireProgress) {
                continue; // the funnel's statistics: nothing the animateur needs to see in a trial
            } else {
                items.add(Item.note("other", 0));
            }
        }
        return new Answer(items);
    }
}
