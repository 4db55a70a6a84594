package fr.boussole.console.requests;

import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.scope.Scope;
import fr.boussole.console.web.NotFound;
import fr.boussole.store.request.RequestBook;
import fr.boussole.store.request.RequestView;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which requests a user may see: a professional those of their organisation, an animateur those of
 * their territory, an administrator none (the national team opens territories, it does not handle
 * young people's requests). Anything else is answered as if it did not exist.
 */
@Component
public class RequestAccess {

    private final RequestBook book;

    RequestAccess(RequestBook book) {
        this.book = book;
    }

    public List<RequestView> visibleTo(ConsoleUser user) {
        return switch (user.scope()) {
            case Scope.OfTerritory t -> book.ofTerritory(t.territoryId());
            case Scope.OfOrganisation o -> book.ofOrganisation(o.organisationId());
            // an administrator handles no young person's request; an account without binding sees none
            case Scope.National n -> List.of();
            case Scope.Nowhere x -> List.of();
        };
    }

    public RequestView open(ConsoleUser user, String requestId) {
        return book.find(requestId).filter(r -> allowed(user, r)).orElseThrow(NotFound::new);
    }

    static boolean allowed(ConsoleUser user, RequestView request) {
        return switch (user.scope()) {
            case Scope.OfTerritory t -> t.territoryId().equals(request.territoryId());
            case Scope.OfOrganisation o -> o.organisationId().equals(request.organisationId());
            case Scope.National n -> false;
            case Scope.Nowhere x -> false;
        };
    }
}
