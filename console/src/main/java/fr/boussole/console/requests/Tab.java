package fr.boussole.console.requests;

import fr.boussole.store.request.RequestStatus;
import fr.boussole.store.request.RequestView;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * The tabs of the request list; a request may sit in several (new and due soon). URGENT holds the requests not
 * closed yet of young people who gave an urgent answer or said they were in danger: first, so that nobody misses them.
 */
public enum Tab {
    URGENT, NEW, IN_PROGRESS, DUE_SOON, OVERDUE, DONE;

    public Predicate<RequestView> filter(Instant now, Duration dueSoonWithin) {
        return switch (this) {
            case URGENT -> r -> r.urgent() && !r.done();
            case NEW -> r -> r.status() == RequestStatus.NEW;
            case IN_PROGRESS -> r -> r.status() == RequestStatus.IN_PROGRESS || r.status() == RequestStatus.CONTACTED;
            case DUE_SOON -> r -> !r.done() && r.firstContactAt() == null && !r.overdueAt(now)
                    && r.dueAt().isBefore(now.plus(dueSoonWithin));
            case OVERDUE -> r -> r.overdueAt(now);
            case DONE -> RequestView::done;
        };
    }

    public String param() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Tab fromParam(String value) {
        for (Tab tab : values()) {
            if (tab.param().equals(value)) {
                return tab;
            }
        }
        return NEW;
    }
}
