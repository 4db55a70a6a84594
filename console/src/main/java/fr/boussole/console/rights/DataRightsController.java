package fr.boussole.console.rights;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.console.security.ConsoleUser;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.rights.DataRights;
import fr.boussole.core.rights.DataSubject;
import fr.boussole.core.rights.Held;
import fr.boussole.core.rights.RightsScope;
import fr.boussole.store.scope.Scope;
import fr.boussole.store.territory.Territories;
import fr.boussole.store.territory.Territory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a young person's access or erasure request, within the scope of whoever asks: an animateur
 * sees, exports and erases what their territory holds, and only counts of what other territories hold,
 * with the territory to ask; the national administrator acts on everything. The subject travels in POST
 * bodies only, never in a URL. Every lookup, export and erasure is written in the audit log under a
 * reference {@code dr_…} and the keyed hash of the phone or email, never the phone or email: in the
 * actor's territory, and for the administrator in every territory whose records were reached.
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
    private final Territories territories;
    private final PersonalData personalData;
    private final Clock clock;

    DataRightsController(DataRights rights, AuditLog audit, ExportLabels labels, Territories territories,
                         PersonalData personalData, Clock clock) {
        this.rights = rights;
        this.audit = audit;
        this.labels = labels;
        this.territories = territories;
        this.personalData = personalData;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String page(@AuthenticationPrincipal ConsoleUser user, Model model) {
        scopeOf(user);
        model.addAttribute("user", user);
        return VIEW;
    }

    /** What is held: counts per kind in the scope, counts per territory elsewhere, no content. */
    @PostMapping(PAGE)
    String lookUp(@AuthenticationPrincipal ConsoleUser user, @RequestParam(name = "personne", defaultValue = "") String typed,
                  Model model) {
        RightsScope scope = scopeOf(user);
        Optional<DataSubject> subject = DataSubject.parse(typed);
        if (subject.isEmpty()) {
            model.addAttribute("user", user);
            model.addAttribute("typed", typed);
            model.addAttribute("invalid", true);
            return VIEW;
        }
        Held held = rights.held(subject.get(), scope);
        record(user, AuditAction.PERSONAL_DATA_LOOKED_UP, Ids.random("dr"), subject.get(), allTerritories(held));
        return show(user, typed, subject.get(), held, model);
    }

    /** A JSON file, written here rather than by content negotiation: a browser's form post accepts HTML first. */
    @PostMapping(PAGE + "/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal ConsoleUser user,
                                  @RequestParam(name = "personne", defaultValue = "") String typed) {
        RightsScope scope = scopeOf(user);
        DataSubject subject = DataSubject.parse(typed).orElse(null);
        if (subject == null) {
            return ResponseEntity.badRequest().build();
        }
        Held held = rights.held(subject, scope);
        String reference = Ids.random("dr");
        record(user, AuditAction.PERSONAL_DATA_EXPORTED, reference, subject, held.territories());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(labels.field("reference"), reference);
        body.put(labels.field("subject"), shown(subject));
        body.put(labels.field("exportedAt"), clock.instant().toString());
        body.put(labels.field("data"), labels.grouped(held.records()));
        if (!held.elsewhere().isEmpty()) {
            body.put(labels.field("elsewhere"), elsewhere(held));
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("donnees-" + reference + ".json").build().toString())
                .contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsBytes(body));
    }

    @PostMapping(PAGE + "/effacement")
    String erase(@AuthenticationPrincipal ConsoleUser user, @RequestParam(name = "personne", defaultValue = "") String typed,
                 @RequestParam(name = "confirmation", defaultValue = "") String confirmation, Model model,
                 RedirectAttributes redirect) {
        RightsScope scope = scopeOf(user);
        Optional<DataSubject> subject = DataSubject.parse(typed);
        if (subject.isEmpty() || !"oui".equals(confirmation)) {
            model.addAttribute("notConfirmed", subject.isPresent());
            return lookUp(user, typed, model);
        }
        Held before = rights.held(subject.get(), scope);
        String reference = Ids.random("dr");
        Map<String, Integer> erased;
        try {
            erased = rights.erase(subject.get(), scope, clock.instant());
        } catch (IllegalStateException busy) {
            log.warn("Erasure {} not completed: {}", reference, busy.getMessage());
            // a part may be erased already: that is recorded too
            record(user, AuditAction.PERSONAL_DATA_ERASED, reference, subject.get(), before.territories());
            model.addAttribute("busy", true);
            return show(user, typed, subject.get(), rights.held(subject.get(), scope), model);
        }
        record(user, AuditAction.PERSONAL_DATA_ERASED, reference, subject.get(), before.territories());
        log.info("Erasure {} done by {}: {}", reference, user.accountId(), erased);
        Map<String, Integer> shown = new LinkedHashMap<>();
        erased.forEach((kind, n) -> shown.put(labels.kind(kind), n));
        redirect.addFlashAttribute("erased", shown);
        redirect.addFlashAttribute("reference", reference);
        redirect.addFlashAttribute("elsewhere", elsewhere(before));
        return "redirect:" + PAGE;
    }

    private String show(ConsoleUser user, String typed, DataSubject subject, Held held, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("typed", typed);
        model.addAttribute("subject", shown(subject));
        Map<String, Integer> counts = new LinkedHashMap<>();
        held.counts().forEach((kind, n) -> counts.put(labels.kind(kind), n));
        model.addAttribute("counts", counts);
        model.addAttribute("elsewhere", elsewhere(held));
        model.addAttribute("national", scopeOf(user) instanceof RightsScope.National);
        return VIEW;
    }

    /** What other territories hold, by the name of the territory to ask (records of no territory: the national team). */
    private Map<String, Integer> elsewhere(Held held) {
        Map<String, Integer> named = new LinkedHashMap<>();
        held.elsewhere().forEach((territory, n) -> named.merge(Held.NO_TERRITORY.equals(territory) ? labels.field("noTerritory")
                : territories.findById(territory).map(Territory::getName).orElse(territory), n, Integer::sum));
        return named;
    }

    /** For a lookup, every territory that holds something of the subject: each learns it was looked into. */
    private static Set<String> allTerritories(Held held) {
        Set<String> all = new java.util.LinkedHashSet<>(held.territories());
        all.addAll(held.elsewhere().keySet());
        return all;
    }

    /**
     * The entry in the actor's territory; for the national administrator, a national entry (no territory)
     * and one in each territory whose records were reached, so that its animateurs see it in their log.
     */
    private void record(ConsoleUser user, AuditAction action, String reference, DataSubject subject, Set<String> reached) {
        String lookup = lookupOf(subject);
        if (!user.administrator()) {
            audit.record(user.territoryId(), null, user.accountId(), action, reference, lookup);
            return;
        }
        audit.record(null, null, user.accountId(), action, reference, lookup);
        reached.stream().filter(t -> !Held.NO_TERRITORY.equals(t))
                .forEach(territory -> audit.record(territory, null, user.accountId(), action, reference, lookup));
    }

    private String lookupOf(DataSubject subject) {
        return switch (subject) {
            case DataSubject.Phone phone -> personalData.lookupKey(phone.e164());
            case DataSubject.Email email -> personalData.lookupKey(email.address());
            default -> null;
        };
    }

    /** The administrator acts nationally, an animateur for their territory; nobody else reaches these pages. */
    private static RightsScope scopeOf(ConsoleUser user) {
        return switch (user.scope()) {
            case Scope.National national -> RightsScope.NATIONAL;
            case Scope.OfTerritory territory -> RightsScope.territory(territory.territoryId());
            default -> throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        };
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
