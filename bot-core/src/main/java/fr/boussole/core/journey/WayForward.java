package fr.boussole.core.journey;

import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.offer.NationalService;

import java.util.List;
import java.util.Map;

/**
 * Always an answer: when no offer fits a search, the message that says so also gives a way forward,
 * the territory's Info Jeunes to call, then a national service of the theme. The search itself is
 * recorded with no offer found ({@code SearchRecorded}), which is the unmet demand the animateur sees.
 */
final class WayForward {

    private WayForward() {}

    /** The "nothing found" message with someone to call and a national service after its text. */
    static OutboundMessage whenNothingFits(JourneyPorts ports, JourneyState state, OutboundMessage nothingFound) {
        Texts texts = ports.texts();
        StringBuilder text = new StringBuilder(nothingFound.text());
        ports.territories().infoJeunesIn(state.profile().territoryId(), state.profile().communeInsee())
                .filter(contact -> contact.phone() != null && !contact.phone().isBlank())
                .ifPresent(contact -> text.append('\n').append(texts.text("none.local",
                        Map.of("name", contact.name(), "phone", contact.phone()))));
        List<NationalService> national = ports.territories().nationalServices(state.search().theme());
        if (!national.isEmpty()) {
            NationalService service = national.getFirst();
            String key = service.phone() != null ? "none.national-phone" : "none.national-site";
            text.append('\n').append(texts.text(key, Map.of("name", service.name(),
                    "phone", service.phone() == null ? "" : service.phone(),
                    "website", service.website() == null ? "" : service.website())));
        }
        return new OutboundMessage(text.toString(), nothingFound.choices(), nothingFound.asksForPhone());
    }
}
