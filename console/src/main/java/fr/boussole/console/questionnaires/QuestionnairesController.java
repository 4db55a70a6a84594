package fr.boussole.console.questionnaires;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.console.web.NotFound;
import fr.boussole.console.security.ConsoleUser;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.QuestionnaireRules;
import fr.boussole.store.questionnaire.DraftChanged;
import fr.boussole.store.questionnaire.OfferCriteriaCheck;
import fr.boussole.store.questionnaire.TerritoryQuestionnaires;
import fr.boussole.store.territory.Territory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The territory's questionnaires: one per active theme, the draft being prepared, publishing it as a
 * new version, and every version's YAML text (for the processing register and for review).
 */
@Controller
class QuestionnairesController {

    static final String BASE = "/console/animation/questionnaires";
    static final String LIST = "console/questionnaires";
    static final String DRAFT = "console/questionnaire-draft";
    static final String VERSION = "console/questionnaire-version";

    /** One theme on the list page: what the bot asks now, the draft if one is prepared, and the versions. */
    record ThemeRow(String theme, Questionnaire inForce, boolean national, Optional<TerritoryQuestionnaires.Draft> draft,
                    List<TerritoryQuestionnaires.Version> versions) {}

    private final TerritoryQuestionnaires questionnaires;
    private final OfferCriteriaCheck criteria;
    private final DraftScope scope;
    private final AuditLog audit;

    QuestionnairesController(TerritoryQuestionnaires questionnaires, OfferCriteriaCheck criteria, DraftScope scope,
                             AuditLog audit) {
        this.questionnaires = questionnaires;
        this.criteria = criteria;
        this.scope = scope;
        this.audit = audit;
    }

    @GetMapping(BASE)
    String list(@AuthenticationPrincipal ConsoleUser user, Model model) {
        Territory territory = scope.territory(user);
        List<ThemeRow> rows = new ArrayList<>();
        for (String theme : scope.themes(territory)) {
            Questionnaire inForce = questionnaires.inForce(territory.getId(), theme).orElseThrow();
            var versions = questionnaires.published(territory.getId(), theme);
            rows.add(new ThemeRow(theme, inForce, versions.isEmpty(), questionnaires.draft(territory.getId(), theme),
                    versions));
        }
        model.addAttribute("user", user);
        model.addAttribute("territory", territory);
        model.addAttribute("rows", rows);
        return LIST;
    }

    @PostMapping(BASE + "/{theme}/brouillon")
    String startDraft(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme) {
        Territory territory = scope.territory(user);
        scope.theme(territory, theme);
        boolean existed = questionnaires.draft(territory.getId(), theme).isPresent();
        questionnaires.startDraft(territory.getId(), theme, user.accountId());
        if (!existed) {
            audit.record(territory.getId(), null, user.accountId(), AuditAction.QUESTIONNAIRE_DRAFT_STARTED, theme);
        }
        return "redirect:" + BASE + "/" + theme + "/brouillon";
    }

    @GetMapping(BASE + "/{theme}/brouillon")
    String draft(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme, Model model) {
        Territory territory = scope.territory(user);
        scope.theme(territory, theme);
        var draft = questionnaires.draft(territory.getId(), theme);
        if (draft.isEmpty()) {
            return "redirect:" + BASE + "?sans-brouillon";
        }
        model.addAttribute("user", user);
        model.addAttribute("territory", territory);
        model.addAttribute("theme", theme);
        model.addAttribute("draft", draft.get());
        model.addAttribute("steps", StepView.of(draft.get().questionnaire()));
        model.addAttribute("problems", ProblemView.of(QuestionnaireRules.check(draft.get().questionnaire())));
        model.addAttribute("issues", criteria.check(territory.getId(), draft.get().questionnaire()));
        model.addAttribute("inForce", questionnaires.inForce(territory.getId(), theme).orElseThrow());
        model.addAttribute("types", QuestionForms.TYPES);
        return DRAFT;
    }

    @PostMapping(BASE + "/{theme}/brouillon/publier")
    String publish(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme, @RequestParam long revision,
                   @RequestParam(defaultValue = "false") boolean confirm) {
        Territory territory = scope.territory(user);
        scope.theme(territory, theme);
        var draft = questionnaires.draft(territory.getId(), theme);
        if (draft.isEmpty() || draft.get().revision() != revision) {
            return "redirect:" + BASE + "/" + theme + "/brouillon?modifie";
        }
        if (!confirm && !criteria.check(territory.getId(), draft.get().questionnaire()).isEmpty()) {
            return "redirect:" + BASE + "/" + theme + "/brouillon?confirmer";
        }
        try {
            var version = questionnaires.publish(territory.getId(), theme, revision, user.accountId());
            audit.record(territory.getId(), null, user.accountId(), AuditAction.QUESTIONNAIRE_PUBLISHED,
                    version.questionnaireId() + " v" + version.version());
            return "redirect:" + BASE + "?publie=" + theme;
        } catch (DraftChanged changed) {
            return "redirect:" + BASE + "/" + theme + "/brouillon?modifie";
        }
    }

    @PostMapping(BASE + "/{theme}/brouillon/abandonner")
    String discard(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme, @RequestParam long revision) {
        Territory territory = scope.territory(user);
        scope.theme(territory, theme);
        try {
            questionnaires.discardDraft(territory.getId(), theme, revision);
            audit.record(territory.getId(), null, user.accountId(), AuditAction.QUESTIONNAIRE_DRAFT_DISCARDED, theme);
            return "redirect:" + BASE + "?abandonne=" + theme;
        } catch (DraftChanged changed) {
            return "redirect:" + BASE + "/" + theme + "/brouillon?modifie";
        }
    }

    @GetMapping(BASE + "/{theme}/versions/{version}")
    String version(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme, @PathVariable int version,
                   Model model) {
        Territory territory = scope.territory(user);
        scope.theme(territory, theme);
        Questionnaire questionnaire = questionnaires.version(territory.getId(), theme, version).orElseThrow(NotFound::new);
        model.addAttribute("user", user);
        model.addAttribute("territory", territory);
        model.addAttribute("theme", theme);
        model.addAttribute("questionnaire", questionnaire);
        model.addAttribute("steps", StepView.of(questionnaire));
        model.addAttribute("published", questionnaires.published(territory.getId(), theme).stream()
                .filter(v -> v.version() == version).findFirst().orElseThrow(NotFound::new));
        return VERSION;
    }

    @GetMapping(BASE + "/{theme}/versions/{version}.yaml")
    ResponseEntity<String> versionText(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme,
                                       @PathVariable int version) {
        Territory territory = scope.territory(user);
        scope.theme(territory, theme);
        String text = questionnaires.text(territory.getId(), theme, version).orElseThrow(NotFound::new);
        return yaml(theme + "-" + territory.getId() + "-v" + version + ".yaml", text);
    }

    @GetMapping(BASE + "/{theme}/brouillon.yaml")
    ResponseEntity<String> draftText(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme) {
        Territory territory = scope.territory(user);
        scope.theme(territory, theme);
        return questionnaires.draftText(territory.getId(), theme)
                .map(text -> yaml(theme + "-" + territory.getId() + "-brouillon.yaml", text))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.FOUND)
                        .location(java.net.URI.create(BASE + "?sans-brouillon")).build());
    }

    /** The YAML text as a download: never rendered by the browser, whatever it holds. */
    private static ResponseEntity<String> yaml(String name, String text) {
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "yaml", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9_.@-]", "_") + "\"")
                .body(text);
    }
}
