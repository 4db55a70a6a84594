package fr.boussole.console.animation;

import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.offer.OfferView;
import fr.boussole.store.request.FollowUp;
import fr.boussole.store.request.FollowUpMeans;
import fr.boussole.store.request.RequestStatus;
import fr.boussole.store.request.RequestView;
import fr.boussole.core.conversation.ContactMethod;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TerritoryStatsTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void kept_promises_count_only_requests_that_are_due_or_contacted() {
        var stats = stats(
                request("r1", "org1", "emploi", days(-10), days(-9)),      // contacted after 1 day: kept
                request("r2", "org1", "emploi", days(-10), days(-5)),      // contacted after 5 days of 3: late
                request("r3", "org2", "logement", days(-10), null),        // overdue, never contacted: late
                request("r4", "org2", "logement", days(-1), null));        // not due yet: not judged

        assertThat(stats.judged()).isEqualTo(3);
        assertThat(stats.keptPromiseShare()).isEqualTo(33);
        assertThat(stats.organisationsMissingDelays()).extracting(TerritoryStats.OrganisationDelays::organisationId)
                .containsExactly("org2", "org1");
    }

    @Test
    void the_median_time_to_first_contact_takes_the_middle_of_the_contacted_requests() {
        var stats = stats(
                request("r1", "o", "emploi", days(-10), days(-9)),
                request("r2", "o", "emploi", days(-10), days(-7)),
                request("r3", "o", "emploi", days(-10), days(-8)),
                request("r4", "o", "emploi", days(-10), null));

        assertThat(stats.medianTimeToFirstContact()).isEqualTo(Duration.ofDays(2));
        assertThat(stats(List.of()).medianTimeToFirstContact()).isNull();
    }

    @Test
    void requests_are_counted_per_week_and_theme_over_the_last_weeks() {
        var stats = stats(request("r1", "o", "emploi", days(-1), null), request("r2", "o", "sante", days(-1), null),
                request("r3", "o", "emploi", days(-8), null), request("r4", "o", "emploi", days(-200), null));

        var perWeek = stats.requestsPerWeekAndTheme(4);
        assertThat(perWeek).hasSize(4);
        assertThat(perWeek.keySet()).allMatch(d -> d.getDayOfWeek() == java.time.DayOfWeek.MONDAY);
        var lastWeeks = List.copyOf(perWeek.values());
        assertThat(lastWeeks.get(3)).containsEntry("emploi", 1L).containsEntry("sante", 1L);
        assertThat(lastWeeks.get(2)).containsEntry("emploi", 1L);
        assertThat(perWeek.values().stream().mapToLong(m -> m.values().stream().mapToLong(Long::longValue).sum()).sum())
                .isEqualTo(3);
    }

    @Test
    void active_offers_without_any_request_are_listed() {
        var offers = List.of(offer("of1", OfferStatus.ACTIVE), offer("of2", OfferStatus.ACTIVE), offer("of3", OfferStatus.ARCHIVED));
        var stats = new TerritoryStats(List.of(request("r1", "o", "emploi", days(-1), null)), offers, List.of(), NOW);

        assertThat(stats.activeOffersWithoutRequest()).extracting(OfferView::id).containsExactly("of2");
    }

    @Test
    void offer_checks_find_expired_incomplete_duplicate_offers_and_uncovered_themes() {
        var today = LocalDate.of(2026, 3, 10);
        var expired = new OfferView("e", "Job d'été", null, "d", "emploi", "o", "Org", "Cahors", 3, List.of(), null, null,
                null, today.minusDays(1), OfferStatus.ACTIVE, null);
        var duplicateA = new OfferView("d1", "Atelier CV", null, "d", "formation", "o", "Org", "Cahors", 3, List.of(), null, null,
                null, null, OfferStatus.ACTIVE, null);
        var duplicateB = new OfferView("d2", "atelier  cv !", null, "d", "formation", "o", "Org", "Cahors", 3, List.of(), null, null,
                null, null, OfferStatus.ACTIVE, null);
        var incomplete = new OfferView("i", "Logement", null, " ", "logement", "o", "Org", "Cahors", 3, List.of(), null, null,
                null, null, OfferStatus.ACTIVE, null);

        var checks = OfferChecks.of(List.of(expired, duplicateA, duplicateB, incomplete), today);

        assertThat(checks.expired()).extracting(OfferView::id).containsExactly("e");
        assertThat(checks.incomplete()).extracting(OfferView::id).containsExactly("i");
        assertThat(checks.duplicates()).hasSize(1);
        assertThat(checks.themesWithoutOffer()).containsExactly("emploi", "sante", "mobilite-internationale");
    }

    private static TerritoryStats stats(RequestView... requests) {
        return stats(List.of(requests));
    }

    private static TerritoryStats stats(List<RequestView> requests) {
        return new TerritoryStats(requests, List.of(), List.of(), NOW);
    }

    private static Instant days(int offset) {
        return NOW.plus(Duration.ofDays(offset));
    }

    private static RequestView request(String id, String org, String theme, Instant created, Instant firstContact) {
        List<FollowUp> followUps = firstContact == null ? List.of()
                : List.of(new FollowUp("pro", firstContact, FollowUpMeans.PHONE, "joint"));
        return new RequestView(id, "of1", "Offre", org, "Org " + org, "t", theme, 20, "Cahors", List.of(),
                ContactMethod.PHONE, "06", created, created.plus(Duration.ofDays(3)), 3,
                firstContact == null ? RequestStatus.NEW : RequestStatus.IN_PROGRESS, null, firstContact, followUps, false);
    }

    private static OfferView offer(String id, OfferStatus status) {
        return new OfferView(id, "Offre " + id, null, "d", "emploi", "o", "Org", "Cahors", 3, List.of(), null, null, null,
                null, status, null);
    }
}
