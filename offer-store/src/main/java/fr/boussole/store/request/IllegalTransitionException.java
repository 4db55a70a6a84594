package fr.boussole.store.request;

/** A request was asked to move to a status it cannot reach from where it is. */
public class IllegalTransitionException extends IllegalStateException {

    public IllegalTransitionException(String requestId, RequestStatus from, RequestStatus to) {
        super("request " + requestId + " cannot go from " + from + " to " + to);
    }
}
