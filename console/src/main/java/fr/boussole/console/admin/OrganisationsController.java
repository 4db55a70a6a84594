package fr.boussole.console.admin;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.console.web.NotFound;
import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.access.ChangeRefused;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationService;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.ScopeLevel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The organisations: every one for an administrator, those of the territory for its animateur, who
 * creates, edits, deactivates and reactivates them. Every change goes to the audit log.
 */
@Controller
class OrganisationsController {

    static final String PATH = "/console/admin/organisations";
    static final String LIST = "console/admin/organisations";
    static final String FORM = "console/admin/organisation-form";

    private final OrganisationService organisations;
    private final AdminNames names;
    private final AuditLog audit;

    OrganisationsController(OrganisationService organisations, AdminNames names, AuditLog audit) {
        this.organisations = organisations;
        this.names = names;
        this.audit = audit;
    }

    @GetMapping(PATH)
    String list(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("organisations", organisations.visibleTo(user.scope()));
        model.addAttribute("territoryNames", names.territories(user.scope()));
        return LIST;
    }

    @GetMapping(PATH + "/nouvelle")
    String createForm(@AuthenticationPrincipal ConsoleUser user, Model model) {
        return form(user, model, OrganisationForm.blank(user.territoryId()), null);
    }

    @PostMapping(PATH + "/nouvelle")
    String create(@AuthenticationPrincipal ConsoleUser user, OrganisationForm form, Model model) {
        Organisation created;
        try {
            created = organisations.create(user.scope(), form.draft());
        } catch (ChangeRefused refused) {
            model.addAttribute("refused", refused);
            return form(user, model, form, null);
        }
        audit.record(created.getTerritoryId(), created.getId(), user.accountId(), AuditAction.ORGANISATION_CREATED,
                created.getId());
        return "redirect:" + PATH + "/" + created.getId() + "?cree";
    }

    @GetMapping(PATH + "/{id}")
    String editForm(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id, Model model) {
        Organisation organisation = mine(user, id);
        return form(user, model, OrganisationForm.of(organisation), organisation);
    }

    @PostMapping(PATH + "/{id}")
    String update(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id, OrganisationForm form, Model model) {
        Organisation organisation = mine(user, id);
        try {
            organisations.update(user.scope(), organisation.getId(), form.draft());
        } catch (ChangeRefused refused) {
            model.addAttribute("refused", refused);
            return form(user, model, form, organisation);
        }
        audit.record(organisation.getTerritoryId(), organisation.getId(), user.accountId(),
                AuditAction.ORGANISATION_UPDATED, organisation.getId());
        return "redirect:" + PATH + "/" + organisation.getId() + "?modifiee";
    }

    @PostMapping(PATH + "/{id}/desactiver")
    String deactivate(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id) {
        return setActive(user, id, false);
    }

    @PostMapping(PATH + "/{id}/reactiver")
    String reactivate(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id) {
        return setActive(user, id, true);
    }

    private String setActive(ConsoleUser user, String id, boolean active) {
        Organisation organisation = mine(user, id);
        organisations.setActive(user.scope(), organisation.getId(), active);
        audit.record(organisation.getTerritoryId(), organisation.getId(), user.accountId(),
                active ? AuditAction.ORGANISATION_REACTIVATED : AuditAction.ORGANISATION_DEACTIVATED, organisation.getId());
        return "redirect:" + PATH + "/" + organisation.getId() + (active ? "?reactivee" : "?desactivee");
    }

    private String form(ConsoleUser user, Model model, OrganisationForm form, Organisation organisation) {
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("organisation", organisation);
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("levels", List.of(ScopeLevel.values()).reversed());
        model.addAttribute("territoryNames", names.territories(user.scope()));
        model.addAttribute("contactRows", IntStream.range(0, OrganisationForm.CONTACT_ROWS).boxed().toList());
        return FORM;
    }

    private Organisation mine(ConsoleUser user, String id) {
        return organisations.find(user.scope(), id).orElseThrow(NotFound::new);
    }
}
