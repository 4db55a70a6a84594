package fr.boussole.console.alert;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.console.requests.FollowUpForm;
import fr.boussole.console.requests.FollowUps;
import fr.boussole.store.mail.Dates;
import fr.boussole.store.promise.AlertLink;
import fr.boussole.store.promise.AlertLinkService;
import fr.boussole.store.request.RequestBook;
import fr.boussole.store.request.RequestView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.time.Clock;
import java.time.LocalDateTime;

/** The page an alert link opens: that one request, its contact details and a follow-up form. Nothing else. */
@Controller
class AlertLinkController {

    static final String PAGE = "console/request";
    static final String REFUSED = "console/link-refused";

    private final AlertLinkService links;
    private final RequestBook book;
    private final FollowUps followUps;
    private final AuditLog audit;
    private final Clock clock;

    AlertLinkController(AlertLinkService links, RequestBook book, FollowUps followUps, AuditLog audit, Clock clock) {
        this.links = links;
        this.book = book;
        this.followUps = followUps;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/console/alerte/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        return switch (links.check(token)) {
            case AlertLinkService.Check.Valid(AlertLink link) -> {
                RequestView request = request(link);
                audit.record(request.territoryId(), request.organisationId(), actor(link),
                        AuditAction.CONTACT_DETAILS_VIEWED_BY_ALERT_LINK, request.id());
                fill(model, token, request, FollowUpForm.blank(LocalDateTime.now(clock.withZone(Dates.PARIS))));
                yield PAGE;
            }
            case AlertLinkService.Check.Expired() -> refused(model, response, true);
            case AlertLinkService.Check.Unknown() -> refused(model, response, false);
        };
    }

    @PostMapping("/console/alerte/{token}/suivi")
    String followUp(@PathVariable String token, @Valid @ModelAttribute("form") FollowUpForm form, BindingResult errors,
                    Model model, HttpServletResponse response) {
        return switch (links.check(token)) {
            case AlertLinkService.Check.Valid(AlertLink link) -> {
                RequestView request = request(link);
                if (errors.hasErrors()) {
                    fill(model, token, request, form);
                    yield PAGE;
                }
                followUps.record(request, actor(link), form);
                yield "redirect:/console/alerte/" + token + "?suivi";
            }
            case AlertLinkService.Check.Expired() -> refused(model, response, true);
            case AlertLinkService.Check.Unknown() -> refused(model, response, false);
        };
    }

    private RequestView request(AlertLink link) {
        return book.find(link.requestId()).orElseThrow(() ->
                new IllegalStateException("alert link to a missing request " + link.requestId()));
    }

    private static String actor(AlertLink link) {
        return "alert:" + link.recipient();
    }

    private void fill(Model model, String token, RequestView request, FollowUpForm form) {
        model.addAttribute("request", request);
        model.addAttribute("form", form);
        model.addAttribute("overdue", request.overdueAt(clock.instant()));
        model.addAttribute("action", "/console/alerte/" + token + "/suivi");
        model.addAttribute("viaLink", true);
    }

    private static String refused(Model model, HttpServletResponse response, boolean expired) {
        response.setStatus(expired ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("expired", expired);
        return REFUSED;
    }
}
