package fr.boussole.console.questionnaires;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.console.web.NotFound;
import fr.boussole.console.security.ConsoleUser;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;
import fr.boussole.store.questionnaire.DraftChanged;
import fr.boussole.store.questionnaire.QuestionnaireRefused;
import fr.boussole.store.questionnaire.TerritoryQuestionnaires;
import fr.boussole.store.territory.Territory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The draft's questions, one at a time: add, edit, move, delete. Every change is checked against the
 * whole questionnaire before it is stored, so that the draft can be tried in the simulator at any time;
 * a change that would break it is refused with the reason (for instance a later question's condition).
 */
@Controller
class QuestionsController {

    static final String FORM = "console/questionnaire-question";
    private static final String NEW = "nouvelle";
    private static final int MAX_ROWS = 100;

    private final TerritoryQuestionnaires questionnaires;
    private final DraftScope scope;
    private final AuditLog audit;

    QuestionsController(TerritoryQuestionnaires questionnaires, DraftScope scope, AuditLog audit) {
        this.questionnaires = questionnaires;
        this.scope = scope;
        this.audit = audit;
    }

    @GetMapping(QuestionnairesController.BASE + "/{theme}/brouillon/questions/" + NEW)
    String newForm(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme,
                   @RequestParam(defaultValue = "single") String type, Model model) {
        Territory territory = scope.territory(user);
        var draft = draft(territory, theme);
        List<Step> steps = draft.questionnaire().steps();
        return form(model, user, theme, QuestionForms.blank(type, steps, draft.revision()), null, steps, Map.of(), List.of());
    }

    @PostMapping(QuestionnairesController.BASE + "/{theme}/brouillon/questions/" + NEW)
    String create(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme,
                  @ModelAttribute("form") QuestionForm form, BindingResult binding, Model model) {
        Territory territory = scope.territory(user);
        var draft = draft(territory, theme);
        List<Step> steps = draft.questionnaire().steps();
        Set<String> ids = new HashSet<>();
        steps.forEach(s -> ids.add(s.id()));
        var outcome = QuestionForms.read(form, null, steps, ids);
        if (binding.hasErrors() || !outcome.ok()) {
            return form(model, user, theme, form, null, steps, errors(binding, outcome), List.of());
        }
        List<Step> edited = new ArrayList<>(steps);
        edited.add(outcome.step());
        return save(model, user, territory, theme, form, null, steps, edited);
    }

    @GetMapping(QuestionnairesController.BASE + "/{theme}/brouillon/questions/{stepId}")
    String editForm(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme, @PathVariable String stepId,
                    Model model) {
        Territory territory = scope.territory(user);
        var draft = draft(territory, theme);
        List<Step> steps = draft.questionnaire().steps();
        int index = indexOf(steps, stepId);
        return form(model, user, theme, QuestionForms.of(steps.get(index), steps.subList(0, index), draft.revision()),
                steps.get(index), steps.subList(0, index), Map.of(), List.of());
    }

    @PostMapping(QuestionnairesController.BASE + "/{theme}/brouillon/questions/{stepId}")
    String update(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme, @PathVariable String stepId,
                  @ModelAttribute("form") QuestionForm form, BindingResult binding, Model model) {
        Territory territory = scope.territory(user);
        var draft = draft(territory, theme);
        List<Step> steps = draft.questionnaire().steps();
        int index = indexOf(steps, stepId);
        Step existing = steps.get(index);
        var outcome = QuestionForms.read(form, existing, steps.subList(0, index), Set.of());
        if (binding.hasErrors() || !outcome.ok()) {
            return form(model, user, theme, form, existing, steps.subList(0, index), errors(binding, outcome), List.of());
        }
        List<Step> edited = new ArrayList<>(steps);
        edited.set(index, outcome.step());
        return save(model, user, territory, theme, form, existing, steps.subList(0, index), edited);
    }

    @PostMapping(QuestionnairesController.BASE + "/{theme}/brouillon/questions/{stepId}/monter")
    String moveUp(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme, @PathVariable String stepId,
                  @RequestParam long revision, RedirectAttributes flash) {
        return move(user, theme, stepId, -1, revision, flash);
    }

    @PostMapping(QuestionnairesController.BASE + "/{theme}/brouillon/questions/{stepId}/descendre")
    String moveDown(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme, @PathVariable String stepId,
                    @RequestParam long revision, RedirectAttributes flash) {
        return move(user, theme, stepId, 1, revision, flash);
    }

    private String move(ConsoleUser user, String theme, String stepId, int by, long revision, RedirectAttributes flash) {
        Territory territory = scope.territory(user);
        var draft = draft(territory, theme);
        List<Step> steps = new ArrayList<>(draft.questionnaire().steps());
        int index = indexOf(steps, stepId);
        int other = index + by;
        if (other < 0 || other >= steps.size()) {
            return redirect(theme, "");
        }
        steps.set(index, steps.get(other));
        steps.set(other, draft.questionnaire().steps().get(index));
        return change(user, territory, theme, steps, revision, flash);
    }

    @PostMapping(QuestionnairesController.BASE + "/{theme}/brouillon/questions/{stepId}/supprimer")
    String delete(@AuthenticationPrincipal ConsoleUser user, @PathVariable String theme, @PathVariable String stepId,
                  @RequestParam long revision, RedirectAttributes flash) {
        Territory territory = scope.territory(user);
        var draft = draft(territory, theme);
        List<Step> steps = new ArrayList<>(draft.questionnaire().steps());
        steps.remove(indexOf(steps, stepId));
        return change(user, territory, theme, steps, revision, flash);
    }

    /** A move or a deletion: applied whole, or refused with the rules it would break shown on the draft page. */
    /** Choice rows arrive as indexed fields; a form with too many (or far-flung) rows is refused, not grown. */
    @InitBinder("form")
    void rowLimit(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(MAX_ROWS);
    }

    @ExceptionHandler(InvalidPropertyException.class)
    void tooManyRows(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    private String change(ConsoleUser user, Territory territory, String theme, List<Step> steps, long revision,
                          RedirectAttributes flash) {
        var draft = draft(territory, theme);
        try {
            questionnaires.saveDraft(territory.getId(), theme, with(draft.questionnaire(), steps), revision, user.accountId());
            audit.record(territory.getId(), null, user.accountId(), AuditAction.QUESTIONNAIRE_DRAFT_EDITED, theme);
            return redirect(theme, "?enregistre");
        } catch (DraftChanged changed) {
            return redirect(theme, "?modifie");
        } catch (QuestionnaireRefused refused) {
            flash.addFlashAttribute("refused", ProblemView.of(refused.problems()));
            return redirect(theme, "?refuse");
        }
    }

    private String save(Model model, ConsoleUser user, Territory territory, String theme, QuestionForm form, Step existing,
                        List<Step> earlier, List<Step> edited) {
        var draft = draft(territory, theme);
        try {
            questionnaires.saveDraft(territory.getId(), theme, with(draft.questionnaire(), edited), form.getRevision(),
                    user.accountId());
            audit.record(territory.getId(), null, user.accountId(), AuditAction.QUESTIONNAIRE_DRAFT_EDITED, theme);
            return redirect(theme, "?enregistre");
        } catch (DraftChanged changed) {
            model.addAttribute("changed", true);
            return form(model, user, theme, form, existing, earlier, Map.of(), List.of());
        } catch (QuestionnaireRefused refused) {
            return form(model, user, theme, form, existing, earlier, Map.of(), ProblemView.of(refused.problems()));
        }
    }

    private String form(Model model, ConsoleUser user, String theme, QuestionForm form, Step existing, List<Step> earlier,
                        Map<String, String> errors, List<ProblemView> problems) {
        if (form.getOptions().stream().noneMatch(o -> !o.isExisting() && blank(o.getLabel()) && blank(o.getId()))) {
            QuestionForms.withBlankRows(form);
        }
        form.setConditions(QuestionForms.conditionRows(form.getConditions(), earlier));
        model.addAttribute("user", user);
        model.addAttribute("theme", theme);
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("earlier", earlier.stream().collect(java.util.stream.Collectors.toMap(Step::id, s -> s)));
        model.addAttribute("labels", earlier.stream().collect(java.util.stream.Collectors.toMap(Step::id,
                s -> AnswerLabels.of(s.question()))));
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        model.addAttribute("types", QuestionForms.TYPES);
        return FORM;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Map<String, String> errors(BindingResult binding, QuestionForms.Outcome outcome) {
        Map<String, String> errors = new java.util.LinkedHashMap<>(outcome.errors());
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), "questionnaire.error.number"));
        return errors;
    }

    private TerritoryQuestionnaires.Draft draft(Territory territory, String theme) {
        scope.theme(territory, theme);
        return questionnaires.draft(territory.getId(), theme).orElseThrow(NoDraft::new);
    }

    /** The theme has no draft (any more): published or discarded meanwhile, or never started. */
    static final class NoDraft extends RuntimeException {
        NoDraft() {
            super(null, null, false, false);
        }
    }

    /** No draft to work on: back to the list, which says so and offers to start one. */
    @ExceptionHandler(NoDraft.class)
    String noDraft() {
        return "redirect:" + QuestionnairesController.BASE + "?sans-brouillon";
    }

    private static int indexOf(List<Step> steps, String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        throw new NotFound();
    }

    private static Questionnaire with(Questionnaire questionnaire, List<Step> steps) {
        return new Questionnaire(questionnaire.id(), questionnaire.version(), questionnaire.theme(), steps);
    }

    private static String redirect(String theme, String query) {
        return "redirect:" + QuestionnairesController.BASE + "/" + theme + "/brouillon" + query;
    }
}
