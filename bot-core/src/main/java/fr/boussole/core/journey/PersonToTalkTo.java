package fr.boussole.core.journey;

import fr.boussole.core.offer.InfoJeunesContact;
import fr.boussole.core.offer.TerritoryView;
import fr.boussole.core.place.Commune;

import java.util.Map;
import java.util.Optional;

/**
 * "Parler à quelqu'un": the Info Jeunes contact of the young person's territory (phone and hours), at
 * any step; before the commune is known, the question that finds it.
 */
final class PersonToTalkTo {

    private final TurnContext turn;

    PersonToTalkTo(TurnContext turn) {
        this.turn = turn;
    }

    /** One line: who to call, the number, and when, or how to find out. */
    String line() {
        return contact().map(this::describe).orElseGet(() -> turn.texts.text("person.ask-commune"));
    }

    /** For someone stuck before their commune is known: where to go nearby, since no contact can be named yet. */
    String lineWhenStuck() {
        return contact().map(this::describe).orElseGet(() -> turn.texts.text("person.nearby"));
    }

    Optional<InfoJeunesContact> contact() {
        String insee = turn.state().profile().communeInsee();
        if (insee == null) {
            return Optional.empty();
        }
        Optional<InfoJeunesContact> own = turn.ports.territories().openTerritoryFor(insee)
                .map(TerritoryView::contact).filter(c -> c.phone() != null && !c.phone().isBlank());
        if (own.isPresent()) {
            return own;
        }
        Optional<Commune> commune = turn.ports.communes().byInsee(insee);
        return commune.flatMap(c -> turn.ports.territories().infoJeunesFor(c).stream()
                .filter(contact -> contact.phone() != null && !contact.phone().isBlank()).findFirst());
    }

    private String describe(InfoJeunesContact contact) {
        boolean hours = contact.hours() != null && !contact.hours().isBlank();
        return turn.texts.text(hours ? "person.contact-hours" : "person.contact", Map.of("name", contact.name(),
                "phone", contact.phone(), "hours", hours ? contact.hours() : ""));
    }
}
