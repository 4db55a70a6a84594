package fr.boussole.console.deadletters;

import fr.boussole.console.security.ConsoleUser;
import fr.boussole.core.delivery.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.regex.Pattern;

/**
 * Deliveries the outbox gave up on, for the animateur (under /console/animation/**, so professionals
 * get 403): channel, kind, dates, attempts, last error and a masked recipient, never the message; a
 * Retry (POST, CSRF) puts one back in line. All dead letters are shown, whatever the territory: a reply
 * belongs to a conversation, which carries no territory until it ends in a contact request.
 */
@Controller
class DeadLettersController {

    static final String PATH = "/console/animation/envois-en-echec";
    static final String VIEW = "console/dead-letters";
    static final int SHOWN = 200;
    private static final Pattern OUTBOX_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Logger log = LoggerFactory.getLogger(DeadLettersController.class);

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping(PATH)
    String list(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("deadLetters", deadLetters.list(SHOWN));
        model.addAttribute("total", deadLetters.count());
        model.addAttribute("shown", SHOWN);
        return VIEW;
    }

    /** Answers with a redirect either way: {@code ?relancee} when put back in line, {@code ?introuvable} when it was not (or no longer) dead. */
    @PostMapping(PATH + "/{id}/relance")
    String retry(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id) {
        boolean retried = OUTBOX_ID.matcher(id).matches() && deadLetters.retry(id);
        if (retried) {
            log.info("dead letter {} put back in line by account {}", id, user.accountId());
        }
        return "redirect:" + PATH + (retried ? "?relancee" : "?introuvable");
    }
}
