package fr.boussole.console.animation;

import fr.boussole.console.requests.RequestsCsv;
import fr.boussole.store.search.Searches;
import fr.boussole.store.search.SearchView;
import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.console.funnel.FunnelCounts;
import fr.boussole.console.funnel.FunnelPeriod;
import fr.boussole.store.mail.Dates;
import fr.boussole.store.offer.OfferBook;
import fr.boussole.console.offers.OfferForm;
import fr.boussole.store.organisation.OrganisationService;
import fr.boussole.store.request.RequestBook;
import fr.boussole.console.security.ConsoleUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The animateur's pages, all scoped to the territory of the signed-in animateur (/console/animation/** needs that role). */
@Controller
class AnimationController {

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("dd/MM");

    private final RequestBook requests;
    private final OfferBook offers;
    private final OrganisationService organisations;
    private final Searches searches;
    private final AuditLog audit;
    private final Clock clock;
    private final fr.boussole.store.promise.MongoContactChecks checks;
    private final FunnelCounts funnel;

    AnimationController(RequestBook requests, OfferBook offers, OrganisationService organisations, Searches searches,
                        AuditLog audit, Clock clock, fr.boussole.store.promise.MongoContactChecks checks,
                        FunnelCounts funnel) {
        this.funnel = funnel;
        this.checks = checks;
        this.requests = requests;
        this.offers = offers;
        this.organisations = organisations;
        this.searches = searches;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/console/animation/tableau-de-bord")
    String dashboard(@AuthenticationPrincipal ConsoleUser user, Model model) {
        var stats = stats(user);
        Map<String, Map<String, Long>> columns = new LinkedHashMap<>();
        stats.requestsPerWeekAndTheme(12).forEach((week, perTheme) -> columns.put(WEEK.format(week), perTheme));
        model.addAttribute("user", user);
        model.addAttribute("stats", stats);
        model.addAttribute("chart", BarChart.stacked(columns, OfferForm.THEMES, 720, 260));
        var median = stats.medianTimeToFirstContact();
        model.addAttribute("medianHours", median == null ? null : median.toHours());
        model.addAttribute("checks", checks.tally(user.territoryId()));
        model.addAttribute("funnel", funnel.of(user.territoryId(), FunnelPeriod.MONTHS_12));
        model.addAttribute("funnelPeriod", FunnelPeriod.MONTHS_12);
        return "console/dashboard";
    }

    @GetMapping("/console/animation/offres")
    String offers(@AuthenticationPrincipal ConsoleUser user, Model model) {
        var territoryOffers = offers.ofTerritory(user.territoryId());
        model.addAttribute("user", user);
        model.addAttribute("offers", territoryOffers);
        model.addAttribute("checks", OfferChecks.of(territoryOffers, LocalDate.now(clock.withZone(Dates.PARIS))));
        model.addAttribute("organisations", organisations.directoryOf(user.territoryId()));
        model.addAttribute("late", stats(user).organisationsMissingDelays());
        return "console/animation-offers";
    }

    @GetMapping("/console/animation/recherches")
    String searches(@AuthenticationPrincipal ConsoleUser user, Model model) {
        var list = searches.ofTerritory(user.territoryId()).stream()
                .sorted(java.util.Comparator.comparing(SearchView::at).reversed()).limit(500).toList();
        model.addAttribute("user", user);
        model.addAttribute("searches", list);
        return "console/searches";
    }

    @GetMapping("/console/animation/journal")
    String auditLog(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("entries", audit.latest(user.territoryId(), 500));
        return "console/audit";
    }

    @GetMapping("/console/animation/export/demandes.csv")
    void exportRequests(@AuthenticationPrincipal ConsoleUser user, HttpServletResponse response) throws IOException {
        audit.record(user.territoryId(), null, user.accountId(), AuditAction.REQUESTS_EXPORTED, user.territoryId());
        csv(response, "demandes.csv");
        try (Writer out = writer(response)) {
            RequestsCsv.requests(requests.ofTerritory(user.territoryId()), clock.instant(), out);
        }
    }

    @GetMapping("/console/animation/export/rapport-annuel.csv")
    void exportYearlyReport(@AuthenticationPrincipal ConsoleUser user, @RequestParam(required = false) Integer annee,
                            HttpServletResponse response) throws IOException {
        int year = annee != null ? annee : LocalDate.now(clock.withZone(Dates.PARIS)).getYear();
        var stats = stats(user);
        csv(response, "rapport-annuel-" + year + ".csv");
        try (Writer out = writer(response)) {
            YearlyReport.write(year, stats.requestsOfYear(year), stats.searchesOfYear(year), out);
        }
    }

    private TerritoryStats stats(ConsoleUser user) {
        return new TerritoryStats(requests.ofTerritory(user.territoryId()), offers.ofTerritory(user.territoryId()),
                searches.ofTerritory(user.territoryId()), clock.instant());
    }

    private static void csv(HttpServletResponse response, String name) {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    private static Writer writer(HttpServletResponse response) throws IOException {
        return new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    }
}
