package fr.boussole.console.requests;

import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.request.RequestBook;
import fr.boussole.store.request.RequestView;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which requests a user may see: a professional those of their organisation, an animateur those of
 * their territory. Anything else is answered as if it did not exist.
 */
@Component
public class RequestAccess {

    private final RequestBook book;

    RequestAccess(RequestBook book) {
        this.book = book;
    }

    public List<RequestView> visibleTo(ConsoleUser user) {
        return user.animateur() ? book.ofTerritory(user.territoryId()) : book.ofOrganisation(user.organisationId());
    }

    public RequestView open(ConsoleUser user, String requestId) {
        return book.find(requestId).filter(r -> allowed(user, r)).orElseThrow(NotFound::new);
    }

    static boolean allowed(ConsoleUser user, RequestView request) {
        return user.animateur()
                ? user.territoryId() != null && user.territoryId().equals(request.territoryId())
                : user.organisationId() != null && user.organisationId().equals(request.organisationId());
    }
}
