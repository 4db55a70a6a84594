package fr.boussole.console.animation;

import fr.boussole.store.search.SearchView;
import fr.boussole.store.mail.Dates;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.offer.OfferView;
import fr.boussole.store.request.RequestView;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The figures of a territory's dashboard and yearly report, computed from its requests, offers and searches. */
public final class TerritoryStats {

    /** How one organisation keeps its promises. */
    public record OrganisationDelays(String organisationId, String organisationName, long due, long late) {
        public int lateShare() {
            return due == 0 ? 0 : (int) Math.round(100.0 * late / due);
        }
    }

    private final List<RequestView> requests;
    private final List<OfferView> offers;
    private final List<SearchView> searches;
    private final Instant now;

    public TerritoryStats(List<RequestView> requests, List<OfferView> offers, List<SearchView> searches, Instant now) {
        this.requests = List.copyOf(requests);
        this.offers = List.copyOf(offers);
        this.searches = List.copyOf(searches);
        this.now = now;
    }

    /** Requests per week (Monday, Paris time) and theme, over the last {@code weeks} weeks, oldest first. */
    public Map<LocalDate, Map<String, Long>> requestsPerWeekAndTheme(int weeks) {
        LocalDate thisWeek = monday(now);
        Map<LocalDate, Map<String, Long>> perWeek = new LinkedHashMap<>();
        for (int i = weeks - 1; i >= 0; i--) {
            perWeek.put(thisWeek.minusWeeks(i), new TreeMap<>());
        }
        for (RequestView r : requests) {
            Map<String, Long> week = perWeek.get(monday(r.createdAt()));
            if (week != null) {
                week.merge(r.theme(), 1L, Long::sum);
            }
        }
        return perWeek;
    }

    /** Requests whose promise can be judged: contacted, or past their due date. */
    public long judged() {
        return requests.stream().filter(this::judgeable).count();
    }

    /** Share (0–100) of the judged requests where the first contact came within the promised delay. */
    public int keptPromiseShare() {
        long judged = judged();
        if (judged == 0) {
            return 0;
        }
        long kept = requests.stream().filter(this::judgeable).filter(RequestView::keptPromise).count();
        return (int) Math.round(100.0 * kept / judged);
    }

    /** Median time from the request to the first contact, or null when no request was contacted yet. */
    public Duration medianTimeToFirstContact() {
        List<Duration> times = requests.stream().filter(r -> r.firstContactAt() != null)
                .map(r -> Duration.between(r.createdAt(), r.firstContactAt())).sorted().toList();
        if (times.isEmpty()) {
            return null;
        }
        int middle = times.size() / 2;
        return times.size() % 2 == 1 ? times.get(middle) : times.get(middle - 1).plus(times.get(middle)).dividedBy(2);
    }

    public List<OfferView> activeOffersWithoutRequest() {
        Set<String> requested = requests.stream().map(RequestView::offerId).collect(Collectors.toSet());
        return offers.stream().filter(o -> o.status() == OfferStatus.ACTIVE && !requested.contains(o.id()))
                .sorted(Comparator.comparing(OfferView::title)).toList();
    }

    public List<SearchView> searchesWithoutResult() {
        return searches.stream().filter(s -> s.offersFound() == 0)
                .sorted(Comparator.comparing(SearchView::at).reversed()).toList();
    }

    /** Organisations with at least one request past due and not contacted in time, worst first. */
    public List<OrganisationDelays> organisationsMissingDelays() {
        Map<String, List<RequestView>> byOrg = requests.stream().filter(this::judgeable)
                .collect(Collectors.groupingBy(RequestView::organisationId));
        List<OrganisationDelays> result = new ArrayList<>();
        byOrg.forEach((id, list) -> {
            long late = list.stream().filter(r -> !r.keptPromise()).count();
            if (late > 0) {
                result.add(new OrganisationDelays(id, list.getFirst().organisationName(), list.size(), late));
            }
        });
        result.sort(Comparator.comparingInt(OrganisationDelays::lateShare).reversed());
        return result;
    }

    /** Requests of the given year (Paris time). */
    public List<RequestView> requestsOfYear(int year) {
        return requests.stream().filter(r -> r.createdAt().atZone(Dates.PARIS).getYear() == year).toList();
    }

    public List<SearchView> searchesOfYear(int year) {
        return searches.stream().filter(s -> s.at().atZone(Dates.PARIS).getYear() == year).toList();
    }

    private boolean judgeable(RequestView r) {
        return r.firstContactAt() != null || now.isAfter(r.dueAt());
    }

    private static LocalDate monday(Instant instant) {
        return instant.atZone(Dates.PARIS).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
