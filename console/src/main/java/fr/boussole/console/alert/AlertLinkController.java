package fr.boussole.console.alert;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.console.requests.FollowUpForm;
import fr.boussole.console.requests.FollowUps;
import fr.boussole.console.web.NotFound;
import fr.boussole.store.mail.Dates;
import fr.boussole.store.promise.AlertLink;
import fr.boussole.store.promise.AlertLinkService;
import fr.boussole.store.promise.FreshAlertLinks;
import fr.boussole.store.promise.LinkAction;
import fr.boussole.store.request.IllegalTransitionException;
import fr.boussole.store.request.Outcome;
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
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What an alert email's links open, without a password. The page link: that one request, its
 * contact details and a follow-up form, nothing else. The one-click links ("Je l'ai contacté",
 * "Ce n'est pas pour nous"): a page that says what the click will do, and a button that does it once.
 * A GET never changes anything, because mail filters open the links of an email before anyone reads it.
 * An expired link offers to send a fresh one to the address the alert went to.
 */
@Controller
class AlertLinkController {

    static final String PAGE = "console/request";
    static final String ACTION = "console/link-action";
    static final String REFUSED = "console/link-refused";
    /** The reasons an organisation may give for "not for us" (reaching the young person is the other link). */
    static final List<Outcome> NOT_FOR_US_REASONS =
            List.of(Outcome.NOT_ELIGIBLE, Outcome.NO_LONGER_AVAILABLE, Outcome.DUPLICATE, Outcome.OTHER);

    private final AlertLinkService links;
    private final FreshAlertLinks freshLinks;
    private final RequestBook book;
    private final FollowUps followUps;
    private final AuditLog audit;
    private final Clock clock;

    AlertLinkController(AlertLinkService links, FreshAlertLinks freshLinks, RequestBook book, FollowUps followUps,
                        AuditLog audit, Clock clock) {
        this.links = links;
        this.freshLinks = freshLinks;
        this.book = book;
        this.followUps = followUps;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/console/alerte/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        return switch (links.check(token)) {
            case AlertLinkService.Check.Valid(AlertLink link) when link.does() == LinkAction.OPEN -> {
                RequestView request = request(link);
                audit.record(request.territoryId(), request.organisationId(), actor(link),
                        AuditAction.CONTACT_DETAILS_VIEWED_BY_ALERT_LINK, request.id());
                fill(model, token, request, FollowUpForm.blank(LocalDateTime.now(clock.withZone(Dates.PARIS))));
                yield PAGE;
            }
            case AlertLinkService.Check.Valid(AlertLink link) -> action(model, token, link, "confirm");
            case AlertLinkService.Check.Used(AlertLink link) -> action(model, token, link, "used");
            case AlertLinkService.Check.Expired() -> refused(model, response, token, true);
            case AlertLinkService.Check.Unknown() -> refused(model, response, token, false);
        };
    }

    @PostMapping("/console/alerte/{token}/suivi")
    String followUp(@PathVariable String token, @Valid @ModelAttribute("form") FollowUpForm form, BindingResult errors,
                    Model model, HttpServletResponse response) {
        return switch (links.check(token)) {
            case AlertLinkService.Check.Valid(AlertLink link) when link.does() == LinkAction.OPEN -> {
                RequestView request = request(link);
                if (errors.hasErrors()) {
                    fill(model, token, request, form);
                    yield PAGE;
                }
                followUps.record(request, actor(link), form);
                yield "redirect:/console/alerte/" + token + "?suivi";
            }
            case AlertLinkService.Check.Expired() -> refused(model, response, token, true);
            // a one-click link takes no form: it is not the page's link
            default -> refused(model, response, token, false);
        };
    }

    /** The one-click answer, once: the first click does it, the others are told it is done. */
    @PostMapping("/console/alerte/{token}/confirmer")
    String confirm(@PathVariable String token, @RequestParam(required = false) Outcome reason,
                   @RequestParam(required = false) String comment, Model model, HttpServletResponse response) {
        AlertLinkService.Check check = links.check(token);
        if (!(check instanceof AlertLinkService.Check.Valid(AlertLink valid)) || valid.does() == LinkAction.OPEN) {
            return switch (check) {
                case AlertLinkService.Check.Used(AlertLink link) -> action(model, token, link, "used");
                case AlertLinkService.Check.Expired() -> refused(model, response, token, true);
                default -> refused(model, response, token, false);
            };
        }
        if (valid.does() == LinkAction.NOT_FOR_US && (reason == null || !NOT_FOR_US_REASONS.contains(reason)
                || (comment != null && comment.length() > 2000))) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("invalid", true);
            return action(model, token, valid, "confirm");
        }
        RequestView request = request(valid);
        if (request.done()) {
            return action(model, token, valid, "closed");
        }
        Optional<AlertLink> used = links.use(token);
        if (used.isEmpty()) { // another click got there first
            return open(token, model, response);
        }
        try {
            if (valid.does() == LinkAction.CONTACTED) {
                followUps.confirmContacted(request, actor(valid));
            } else {
                followUps.closeAsNotForUs(request, actor(valid), reason, comment);
            }
        } catch (IllegalTransitionException closedMeanwhile) {
            return action(model, token, valid, "closed");
        }
        return action(model, token, used.get(), "done");
    }

    /** "Send me a fresh link", from the page of an expired link (or any link of an alert). */
    @PostMapping("/console/alerte/{token}/nouveau-lien")
    String freshLink(@PathVariable String token, Model model, HttpServletResponse response) {
        FreshAlertLinks.Result result = freshLinks.send(token);
        if (result == FreshAlertLinks.Result.NOT_AVAILABLE) {
            response.setStatus(HttpServletResponse.SC_GONE);
        }
        model.addAttribute("fresh", result.name());
        model.addAttribute("expired", true);
        return REFUSED;
    }

    private String action(Model model, String token, AlertLink link, String state) {
        RequestView request = request(link);
        model.addAttribute("request", request);
        model.addAttribute("action", link.does().name());
        model.addAttribute("state", state);
        model.addAttribute("reasons", NOT_FOR_US_REASONS);
        model.addAttribute("confirmUrl", "/console/alerte/" + token + "/confirmer");
        return ACTION;
    }

    private RequestView request(AlertLink link) {
        // a request erased at the young person's demand takes its links with it
        return book.find(link.requestId()).orElseThrow(NotFound::new);
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

    private static String refused(Model model, HttpServletResponse response, String token, boolean expired) {
        response.setStatus(expired ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("expired", expired);
        model.addAttribute("freshUrl", "/console/alerte/" + token + "/nouveau-lien");
        return REFUSED;
    }
}
