package fr.boussole.console.funnel;

import fr.boussole.console.requests.RequestsCsv;
import fr.boussole.console.web.NotFound;
import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.territory.Territory;
import fr.boussole.store.territory.TerritoryService;
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
import java.util.Optional;

/**
 * The questionnaires' drop-off funnel and the unmet demand of a territory: the animateur's own (a
 * territory named in the URL must be theirs), any territory for the national team. Anonymous counts
 * only, on the page and in the CSV exports (cells guarded against spreadsheet formulas).
 */
@Controller
class FunnelController {

    static final String BASE = "/console/animation/entonnoir";
    static final String PAGE = "console/funnel";

    private final FunnelCounts counts;
    private final TerritoryService territories;

    FunnelController(FunnelCounts counts, TerritoryService territories) {
        this.counts = counts;
        this.territories = territories;
    }

    @GetMapping(BASE)
    String page(@AuthenticationPrincipal ConsoleUser user, @RequestParam(name = "territoire", required = false) String asked,
                @RequestParam(name = "periode", required = false) String periode, Model model) {
        FunnelPeriod period = FunnelPeriod.of(periode);
        Optional<Territory> territory = territory(user, asked);
        model.addAttribute("user", user);
        model.addAttribute("period", period);
        model.addAttribute("periods", FunnelPeriod.values());
        model.addAttribute("territories", user.administrator() ? territories.visibleTo(user.scope()) : java.util.List.of());
        model.addAttribute("territory", territory.orElse(null));
        model.addAttribute("funnel", territory.map(t -> counts.of(t.getId(), period)).orElse(null));
        return PAGE;
    }

    @GetMapping(BASE + "/entonnoir.csv")
    void funnelCsv(@AuthenticationPrincipal ConsoleUser user, @RequestParam(name = "territoire", required = false) String asked,
                   @RequestParam(name = "periode", required = false) String periode, HttpServletResponse response)
            throws IOException {
        FunnelPeriod period = FunnelPeriod.of(periode);
        Optional<Territory> chosen = territory(user, asked);
        if (chosen.isEmpty()) {
            response.sendRedirect(BASE); // the national team chooses a territory first
            return;
        }
        Territory territory = chosen.get();
        FunnelView view = counts.of(territory.getId(), period);
        try (Writer out = csv(response, "entonnoir-" + territory.getId() + "-" + period.code() + ".csv")) {
            RequestsCsv.row(out, "territory_id", "questionnaire_id", "version", "theme", "stage", "position",
                    "question_id", "question", "journeys");
            for (FunnelView.VersionView version : view.versions()) {
                var f = version.funnel();
                int position = 0;
                for (FunnelView.QuestionView q : version.questions()) {
                    position++;
                    RequestsCsv.row(out, territory.getId(), f.questionnaireId(), String.valueOf(f.version()), f.theme(),
                            "REACHED", String.valueOf(position), q.count().questionId(), q.count().text(),
                            String.valueOf(q.count().reached()));
                    RequestsCsv.row(out, territory.getId(), f.questionnaireId(), String.valueOf(f.version()), f.theme(),
                            "ANSWERED", String.valueOf(position), q.count().questionId(), q.count().text(),
                            String.valueOf(q.count().answered()));
                }
                RequestsCsv.row(out, territory.getId(), f.questionnaireId(), String.valueOf(f.version()), f.theme(),
                        "COMPLETED", "", "", "", String.valueOf(f.completed()));
                RequestsCsv.row(out, territory.getId(), f.questionnaireId(), String.valueOf(f.version()), f.theme(),
                        "REQUESTED", "", "", "", String.valueOf(f.requested()));
            }
        }
    }

    @GetMapping(BASE + "/demande-non-satisfaite.csv")
    void unmetDemandCsv(@AuthenticationPrincipal ConsoleUser user, @RequestParam(name = "territoire", required = false) String asked,
                        @RequestParam(name = "periode", required = false) String periode, HttpServletResponse response)
            throws IOException {
        FunnelPeriod period = FunnelPeriod.of(periode);
        Optional<Territory> chosen = territory(user, asked);
        if (chosen.isEmpty()) {
            response.sendRedirect(BASE);
            return;
        }
        Territory territory = chosen.get();
        FunnelView view = counts.of(territory.getId(), period);
        try (Writer out = csv(response, "demande-non-satisfaite-" + territory.getId() + "-" + period.code() + ".csv")) {
            RequestsCsv.row(out, "territory_id", "commune_insee", "commune", "theme", "searches_without_offer");
            for (FunnelView.DemandView d : view.unmetDemand()) {
                RequestsCsv.row(out, territory.getId(), d.communeInsee(), d.communeName(), d.theme(), String.valueOf(d.searches()));
            }
        }
    }

    /**
     * The animateur's territory (one named in the URL must be it); for the national team, the one named, if
     * any. Another territory is absent, as if it did not exist.
     */
    private Optional<Territory> territory(ConsoleUser user, String asked) {
        if (user.administrator()) {
            return asked == null || asked.isBlank() ? Optional.empty() : Optional.of(
                    territories.find(user.scope(), asked).orElseThrow(NotFound::new));
        }
        if (asked != null && !asked.isBlank() && !asked.equals(user.territoryId())) {
            throw new NotFound();
        }
        return Optional.of(territories.find(user.scope(), user.territoryId()).orElseThrow(NotFound::new));
    }

    private static Writer csv(HttpServletResponse response, String name) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9_.-]", "_") + "\"");
        return new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    }
}
