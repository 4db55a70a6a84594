package fr.boussole.console.rights;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.console.security.ConsoleUser;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.rights.DataRights;
import fr.boussole.core.rights.DataSubject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a young person's access or erasure request (animateurs only: /console/animation/** needs
 * that role). The subject travels in POST bodies only, never in a URL, and the audit log records each
 * export and erasure under a reference that does not contain it.
 */
@Controller
class DataRightsController {

    static final String PAGE = "/console/animation/donnees";
    private static final String VIEW = "console/rights";
    private static final Logger log = LoggerFactory.getLogger(DataRightsController.class);

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final DataRights rights;
    private final AuditLog audit;
    private final ExportLabels labels;
    private final Clock clock;

    DataRightsController(DataRights rights, AuditLog audit, ExportLabels labels, Clock clock) {
        this.rights = rights;
        this.audit = audit;
        this.labels = labels;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String page(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("user", user);
        return VIEW;
    }

    /** What is held: counts per kind, no content. */
    @PostMapping(PAGE)
    String lookUp(@AuthenticationPrincipal ConsoleUser user, @RequestParam(name = "personne", defaultValue = "") String typed,
                  Model model) {
        model.addAttribute("user", user);
        model.addAttribute("typed", typed);
        Optional<DataSubject> subject = DataSubject.parse(typed);
        if (subject.isEmpty()) {
            model.addAttribute("invalid", true);
            return VIEW;
        }
        model.addAttribute("subject", shown(subject.get()));
        Map<String, Integer> counts = new LinkedHashMap<>();
        rights.counts(subject.get()).forEach((kind, n) -> counts.put(labels.kind(kind), n));
        model.addAttribute("counts", counts);
        return VIEW;
    }

    /** A JSON file, written here rather than by content negotiation: a browser's form post accepts HTML first. */
    @PostMapping(PAGE + "/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal ConsoleUser user,
                                               @RequestParam(name = "personne", defaultValue = "") String typed) {
        DataSubject subject = DataSubject.parse(typed).orElse(null);
        if (subject == null) {
            return ResponseEntity.badRequest().build();
        }
        String reference = Ids.random("dr");
        audit.record(user.territoryId(), null, user.accountId(), AuditAction.PERSONAL_DATA_EXPORTED, reference);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(labels.field("reference"), reference);
        body.put(labels.field("subject"), shown(subject));
        body.put(labels.field("exportedAt"), clock.instant().toString());
        body.put(labels.field("data"), labels.grouped(rights.export(subject)));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("donnees-" + reference + ".json").build().toString())
                .contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsBytes(body));
    }

    @PostMapping(PAGE + "/effacement")
    String erase(@AuthenticationPrincipal ConsoleUser user, @RequestParam(name = "personne", defaultValue = "") String typed,
                 @RequestParam(name = "confirmation", defaultValue = "") String confirmation, Model model,
                 RedirectAttributes redirect) {
        Optional<DataSubject> subject = DataSubject.parse(typed);
        if (subject.isEmpty() || !"oui".equals(confirmation)) {
            model.addAttribute("notConfirmed", subject.isPresent());
            return lookUp(user, typed, model);
        }
        String reference = Ids.random("dr");
        Map<String, Integer> erased;
        try {
            erased = rights.erase(subject.get(), clock.instant());
        } catch (IllegalStateException busy) {
            log.warn("Erasure {} not completed: {}", reference, busy.getMessage());
            // a part may be erased already: that is recorded too
            audit.record(user.territoryId(), null, user.accountId(), AuditAction.PERSONAL_DATA_ERASED, reference);
            model.addAttribute("busy", true);
            return lookUp(user, typed, model);
        }
        audit.record(user.territoryId(), null, user.accountId(), AuditAction.PERSONAL_DATA_ERASED, reference);
        log.info("Erasure {} done by {}: {}", reference, user.accountId(), erased);
        Map<String, Integer> shown = new LinkedHashMap<>();
        erased.forEach((kind, n) -> shown.put(labels.kind(kind), n));
        redirect.addFlashAttribute("erased", shown);
        redirect.addFlashAttribute("reference", reference);
        return "redirect:" + PAGE;
    }

    private static String shown(DataSubject subject) {
        return switch (subject) {
            case DataSubject.Phone phone -> phone.e164();
            case DataSubject.Email email -> email.address();
            case DataSubject.Writer writer -> writer.conversation().channel().id();
            case DataSubject.Idle idle -> idle.conversation().channel().id();
        };
    }
}
