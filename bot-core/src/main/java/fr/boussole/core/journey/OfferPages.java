package fr.boussole.core.journey;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.offer.MatchQuery;
import fr.boussole.core.offer.OfferSummary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The matching offers, a page at a time, best first: each one a short title, as a list row or a button holds it. */
final class OfferPages {

    static final String MORE = "plus";
    static final String OTHER_THEME = "autre-theme";
    static final String OFFER_PREFIX = "offre:";

    private final JourneyPorts ports;
    private final String seed;
    /** Queries of this turn and their answers: a turn renders a page and weighs questions more than once. */
    private final Map<MatchQuery, List<OfferSummary>> asked = new HashMap<>();

    OfferPages(JourneyPorts ports, ConversationKey key) {
        this.ports = ports;
        this.seed = Ids.derived("seed", key.value());
    }

    /**
     * Matches again on every turn (once per turn and query) rather than storing the list: the catalogue ranks the same way
     * for the same query and seed, and an offer archived meanwhile disappears at once.
     */
    List<OfferSummary> matching(JourneyState state, Instant now) {
        return match(state, state.search().values(), now);
    }

    /** The ids of the offers that would match these answers: what a question could change. */
    Set<String> idsMatching(JourneyState state, Map<String, List<String>> answers, Instant now) {
        return QuestionPlan.ids(match(state, answers, now));
    }

    /** The same, asked of the catalogue again rather than remembered: to see whether it changed during the turn. */
    Set<String> idsMatchingAfresh(JourneyState state, Map<String, List<String>> answers, Instant now) {
        return QuestionPlan.ids(ports.catalog().match(query(state, answers, now)));
    }

    /** Forgets this turn's answers of the catalogue: it changed meanwhile (an index rebuilt), ask again. */
    void forget() {
        asked.clear();
    }

    private List<OfferSummary> match(JourneyState state, Map<String, List<String>> given, Instant now) {
        return asked.computeIfAbsent(query(state, given, now), ports.catalog()::match);
    }

    private MatchQuery query(JourneyState state, Map<String, List<String>> given, Instant now) {
        Map<String, Set<String>> answers = new LinkedHashMap<>();
        given.forEach((question, values) -> answers.put(question, new LinkedHashSet<>(values)));
        return new MatchQuery(state.profile().territoryId(), state.search().theme(),
                state.profile().communeInsee(), state.profile().age(), answers,
                LocalDate.ofInstant(now, ports.settings().zone()), seed);
    }

    int pageCount(int offers) {
        int size = ports.settings().pageSize();
        return Math.max(1, (offers + size - 1) / size);
    }

    List<OfferSummary> page(List<OfferSummary> offers, int page) {
        int size = ports.settings().pageSize();
        int from = Math.min(page * size, offers.size());
        return offers.subList(from, Math.min(from + size, offers.size()));
    }

    List<Choice> choices(List<OfferSummary> offers, int page) {
        List<Choice> choices = new ArrayList<>();
        for (OfferSummary offer : page(offers, page)) {
            choices.add(new Choice(OFFER_PREFIX + offer.id(), offer.shortTitle()));
        }
        if (page + 1 < pageCount(offers.size())) {
            choices.add(new Choice(MORE, ports.texts().text("offers.more")));
        }
        choices.add(new Choice(OTHER_THEME, ports.texts().text("offers.other-theme")));
        return choices;
    }

    OutboundMessage render(List<OfferSummary> offers, int page) {
        Texts texts = ports.texts();
        if (offers.isEmpty()) {
            return OutboundMessage.withChoices(texts.text("offers.none"), List.of(
                    new Choice(OTHER_THEME, texts.text("offers.other-theme")),
                    new Choice(Prompts.RESTART, texts.text("choice.restart"))));
        }
        int pages = pageCount(offers.size());
        int from = page * ports.settings().pageSize() + 1;
        int to = Math.min(offers.size(), from + ports.settings().pageSize() - 1);
        String header = offers.size() == 1 ? "offers.header-one" : page == 0 ? "offers.header" : "offers.header-page";
        return OutboundMessage.withChoices(texts.text(header, Map.of("count", Integer.toString(offers.size()),
                "from", Integer.toString(from), "to", Integer.toString(to))), choices(offers, page));
    }
}
