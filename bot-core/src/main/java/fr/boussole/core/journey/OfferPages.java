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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;

/** The matching offers, a page at a time, best first. */
final class OfferPages {

    static final String MORE = "plus";
    static final String OTHER_THEME = "autre-theme";
    static final String OFFER_PREFIX = "offre:";

    private final JourneyPorts ports;
    private final String seed;
    /** The last query of this turn and its answer: a turn renders the same page more than once. */
    private MatchQuery lastQuery;
    private List<OfferSummary> lastMatch;

    OfferPages(JourneyPorts ports, ConversationKey key) {
        this.ports = ports;
        this.seed = Ids.derived("seed", key.value());
    }

    /**
     * Matches again on every turn (once per turn and query) rather than storing the list: the catalogue ranks the same way
     * for the same query and seed, and an offer archived meanwhile disappears at once.
     */
    List<OfferSummary> matching(JourneyState state, Instant now) {
        Map<String, Set<String>> answers = new java.util.LinkedHashMap<>();
        state.search().values().forEach((question, values) -> answers.put(question, new LinkedHashSet<>(values)));
        MatchQuery query = new MatchQuery(state.profile().territoryId(), state.search().theme(),
                state.profile().communeInsee(), state.profile().age(), answers,
                LocalDate.ofInstant(now, ports.settings().zone()), seed);
        if (!query.equals(lastQuery)) {
            lastMatch = ports.catalog().match(query);
            lastQuery = query;
        }
        return lastMatch;
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
            // The one-line summary is the choice itself: every channel lists choices (numbered lines
            // by SMS, buttons on the web), so a second list in the text would say everything twice.
            choices.add(new Choice(OFFER_PREFIX + offer.id(), ports.texts().text("offers.line", Map.of(
                    "title", offer.title(), "organisation", offer.organisationName(), "summary", offer.summary(),
                    "delay", Integer.toString(offer.contactDelayDays())))));
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
        String header = offers.size() == 1 ? "offers.header-one" : pages == 1 ? "offers.header" : "offers.header-page";
        StringBuilder text = new StringBuilder(texts.text(header, Map.of("count", Integer.toString(offers.size()),
                "page", Integer.toString(page + 1), "pages", Integer.toString(pages))));
        text.append('\n').append(texts.text("offers.pick"));
        return OutboundMessage.withChoices(text.toString(), choices(offers, page));
    }
}
