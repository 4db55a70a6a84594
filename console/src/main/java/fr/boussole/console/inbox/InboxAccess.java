package fr.boussole.console.inbox;

import fr.boussole.console.web.NotFound;
import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.scope.Scope;
import fr.boussole.store.handover.Handover;
import fr.boussole.store.handover.HandoverInbox;
import fr.boussole.store.organisation.LocalInfoJeunes;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who reads and answers the handed conversations of a territory: its animateurs, and the
 * professionals of its Info Jeunes organisations. Nobody else, the national administrator included
 * (a young person's words are not the national team's to read). Anything else is answered as if it
 * did not exist.
 */
@Component
class InboxAccess {

    private final HandoverInbox inbox;
    private final LocalInfoJeunes infoJeunes;

    InboxAccess(HandoverInbox inbox, LocalInfoJeunes infoJeunes) {
        this.inbox = inbox;
        this.infoJeunes = infoJeunes;
    }

    /** The territory whose inbox the user answers, if any. */
    Optional<String> territoryOf(ConsoleUser user) {
        return switch (user.scope()) {
            case Scope.OfTerritory t -> Optional.of(t.territoryId());
            case Scope.OfOrganisation o -> o.territoryId() != null && infoJeunes.ofTerritory(o.territoryId()).stream()
                    .anyMatch(org -> org.getId().equals(o.organisationId())) ? Optional.of(o.territoryId()) : Optional.empty();
            case Scope.National n -> Optional.empty();
            case Scope.Nowhere x -> Optional.empty();
        };
    }

    /** Whether the user may change the territory's desk (its office hours): its animateurs. */
    boolean runsTheDesk(ConsoleUser user) {
        return user.scope() instanceof Scope.OfTerritory;
    }

    Handover open(ConsoleUser user, String handoverId) {
        Optional<String> territory = territoryOf(user);
        return inbox.find(handoverId).filter(h -> territory.isPresent() && territory.get().equals(h.getTerritoryId()))
                .orElseThrow(NotFound::new);
    }
}
