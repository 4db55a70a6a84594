package fr.boussole.console.requests;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.store.mail.Dates;
import fr.boussole.console.security.ConsoleUser;
import fr.boussole.console.settings.ConsoleSettings;
import fr.boussole.store.request.RequestView;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

@Controller
class RequestsController {

    static final String LIST = "console/requests";
    static final String PAGE = "console/request";
    /** Urgent requests open first in every tab, then the nearest promise. */
    static final Comparator<RequestView> URGENT_FIRST =
            Comparator.comparing((RequestView r) -> !r.urgent()).thenComparing(RequestView::dueAt);

    private final RequestAccess access;
    private final FollowUps followUps;
    private final AuditLog audit;
    private final ConsoleSettings settings;
    private final Clock clock;
    private final fr.boussole.store.promise.MongoContactChecks checks;

    RequestsController(RequestAccess access, FollowUps followUps, AuditLog audit, ConsoleSettings settings, Clock clock,
                       fr.boussole.store.promise.MongoContactChecks checks) {
        this.checks = checks;
        this.access = access;
        this.followUps = followUps;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/console")
    String home(@AuthenticationPrincipal ConsoleUser user, Model model) {
        var visible = access.visibleTo(user);
        var now = clock.instant();
        Map<Tab, Long> counts = new LinkedHashMap<>();
        for (Tab tab : Tab.values()) {
            counts.put(tab, visible.stream().filter(tab.filter(now, settings.dueSoonWithin())).count());
        }
        model.addAttribute("counts", counts);
        model.addAttribute("user", user);
        return "console/home";
    }

    @GetMapping("/console/demandes")
    String list(@AuthenticationPrincipal ConsoleUser user, @RequestParam(name = "onglet", defaultValue = "new") String tabParam,
                Model model) {
        Tab tab = Tab.fromParam(tabParam);
        var now = clock.instant();
        var visible = access.visibleTo(user);
        Map<Tab, Long> counts = new LinkedHashMap<>();
        Arrays.stream(Tab.values()).forEach(t ->
                counts.put(t, visible.stream().filter(t.filter(now, settings.dueSoonWithin())).count()));
        model.addAttribute("tab", tab);
        model.addAttribute("counts", counts);
        model.addAttribute("requests", visible.stream().filter(tab.filter(now, settings.dueSoonWithin()))
                .sorted(URGENT_FIRST).toList());
        model.addAttribute("now", now);
        model.addAttribute("user", user);
        return LIST;
    }

    @GetMapping("/console/demandes/{id}")
    String page(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id, Model model) {
        RequestView request = access.open(user, id);
        audit.record(request.territoryId(), request.organisationId(), user.accountId(),
                AuditAction.CONTACT_DETAILS_VIEWED, request.id());
        fill(model, user, request, FollowUpForm.blank(LocalDateTime.now(clock.withZone(Dates.PARIS))));
        return PAGE;
    }

    @PostMapping("/console/demandes/{id}/suivi")
    String followUp(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id,
                    @Valid @ModelAttribute("form") FollowUpForm form, BindingResult errors, Model model) {
        RequestView request = access.open(user, id);
        if (errors.hasErrors()) {
            fill(model, user, request, form);
            return PAGE;
        }
        followUps.record(request, user.accountId(), form);
        return "redirect:/console/demandes/" + request.id() + "?suivi";
    }

    /** The user's own requests as CSV (no contact details). */
    @GetMapping("/console/demandes/export.csv")
    void export(@AuthenticationPrincipal ConsoleUser user, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        audit.record(user.territoryId(), user.organisationId(), user.accountId(), AuditAction.REQUESTS_EXPORTED,
                user.animateur() ? user.territoryId() : user.organisationId());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"demandes.csv\"");
        try (var out = new java.io.OutputStreamWriter(response.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
            RequestsCsv.requests(access.visibleTo(user), clock.instant(), out);
        }
    }

    private void fill(Model model, ConsoleUser user, RequestView request, FollowUpForm form) {
        model.addAttribute("request", request);
        model.addAttribute("form", form);
        model.addAttribute("user", user);
        model.addAttribute("overdue", request.overdueAt(clock.instant()));
        model.addAttribute("action", "/console/demandes/" + request.id() + "/suivi");
        model.addAttribute("check", checks.of(request.id()).orElse(null));
    }
}
