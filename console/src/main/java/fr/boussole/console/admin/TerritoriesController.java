package fr.boussole.console.admin;

import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.console.web.NotFound;
import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.access.ChangeRefused;
import fr.boussole.store.account.AccountRole;
import fr.boussole.store.account.AccountService;
import fr.boussole.store.territory.Territory;
import fr.boussole.store.territory.TerritoryService;
import fr.boussole.store.territory.TerritoryStatus;
import fr.boussole.store.theme.Theme;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;

/**
 * The territories, for administrators (/console/admin/territoires needs that role): create one from
 * departments, intercommunalities or communes, pick its themes and Info Jeunes contacts, invite its
 * animateurs, open and close it.
 */
@Controller
class TerritoriesController {

    static final String PATH = "/console/admin/territoires";
    static final String LIST = "console/admin/territories";
    static final String FORM = "console/admin/territory-form";
    static final String PAGE = "console/admin/territory";

    private final TerritoryService territories;
    private final AccountService accounts;
    private final InvitationMails mails;
    private final AuditLog audit;

    TerritoriesController(TerritoryService territories, AccountService accounts, InvitationMails mails, AuditLog audit) {
        this.territories = territories;
        this.accounts = accounts;
        this.mails = mails;
        this.audit = audit;
    }

    @GetMapping(PATH)
    String list(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("territories", territories.visibleTo(user.scope()));
        return LIST;
    }

    @GetMapping(PATH + "/nouveau")
    String createForm(@AuthenticationPrincipal ConsoleUser user,
                      @RequestParam(name = "departement", required = false) String departement, Model model) {
        TerritoryForm form = TerritoryForm.blank(territories.themes().stream().map(Theme::getId).toList());
        return form(user, model, form, null, departement);
    }

    @PostMapping(PATH + "/nouveau")
    String create(@AuthenticationPrincipal ConsoleUser user, TerritoryForm form,
                  @RequestParam(name = "departement", required = false) String departement, Model model) {
        Territory created;
        try {
            created = territories.create(user.scope(), form.draft());
        } catch (ChangeRefused refused) {
            model.addAttribute("refused", refused);
            return form(user, model, form, null, departement);
        }
        audit.record(created.getId(), null, user.accountId(), AuditAction.TERRITORY_CREATED, created.getId());
        return "redirect:" + PATH + "/" + created.getId() + "?cree";
    }

    @GetMapping(PATH + "/{id}")
    String page(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id, Model model) {
        return page(user, mine(user, id), model);
    }

    @GetMapping(PATH + "/{id}/modifier")
    String editForm(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id,
                    @RequestParam(name = "departement", required = false) String departement, Model model) {
        Territory territory = mine(user, id);
        return form(user, model, TerritoryForm.of(territory), territory, departement);
    }

    @PostMapping(PATH + "/{id}/modifier")
    String update(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id, TerritoryForm form,
                  @RequestParam(name = "departement", required = false) String departement, Model model) {
        Territory territory = mine(user, id);
        try {
            territories.update(user.scope(), territory.getId(), form.draft());
        } catch (ChangeRefused refused) {
            model.addAttribute("refused", refused);
            return form(user, model, form, territory, departement);
        }
        audit.record(territory.getId(), null, user.accountId(), AuditAction.TERRITORY_UPDATED, territory.getId());
        return "redirect:" + PATH + "/" + territory.getId() + "?modifie";
    }

    @PostMapping(PATH + "/{id}/statut")
    String changeStatus(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id,
                        @RequestParam(name = "statut", defaultValue = "") String status, Model model) {
        Territory territory = mine(user, id);
        TerritoryStatus wanted = Arrays.stream(TerritoryStatus.values()).filter(s -> s.name().equals(status))
                .findFirst().orElse(null);
        try {
            territories.changeStatus(user.scope(), territory.getId(), wanted);
        } catch (ChangeRefused refused) {
            model.addAttribute("refused", refused);
            return page(user, territory, model);
        }
        audit.record(territory.getId(), null, user.accountId(), wanted == TerritoryStatus.OPEN
                ? AuditAction.TERRITORY_OPENED : AuditAction.TERRITORY_CLOSED, territory.getId());
        return "redirect:" + PATH + "/" + territory.getId() + "?statut";
    }

    /** Invites an animateur of this territory (an account that does not exist yet). */
    @PostMapping(PATH + "/{id}/animateurs")
    String inviteAnimateur(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id,
                           @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String displayName,
                           Model model, RedirectAttributes redirect) {
        Territory territory = mine(user, id);
        AccountService.Invited invited;
        try {
            invited = accounts.invite(user.scope(), user.accountId(),
                    new AccountService.NewAccount(email, displayName, AccountRole.ANIMATEUR, territory.getId(), null));
        } catch (ChangeRefused refused) {
            model.addAttribute("refused", refused);
            model.addAttribute("animateurEmail", email);
            model.addAttribute("animateurName", displayName);
            return page(user, territory, model);
        }
        mails.send(invited, user, territory.getName());
        audit.record(territory.getId(), null, user.accountId(), AuditAction.ACCOUNT_INVITED, invited.account().id());
        redirect.addAttribute("invite", invited.account().email());
        return "redirect:" + PATH + "/" + territory.getId();
    }

    private String page(ConsoleUser user, Territory territory, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("territory", territory);
        model.addAttribute("communes", territories.communesOf(territory));
        model.addAttribute("themes", territories.themes());
        model.addAttribute("animateurs", accounts.visibleTo(user.scope()).stream()
                .filter(a -> a.role() == AccountRole.ANIMATEUR && territory.getId().equals(a.territoryId())).toList());
        model.addAttribute("next", territory.getStatus().next().stream().sorted().toList());
        return PAGE;
    }

    private String form(ConsoleUser user, Model model, TerritoryForm form, Territory territory, String departement) {
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("territory", territory);
        model.addAttribute("themes", territories.themes());
        String chosen = departement == null || departement.isBlank() ? firstCode(form.departements()) : departement.strip();
        if (chosen == null && territory != null) {
            chosen = territories.communesOf(territory).stream().map(c -> c.departement()).findFirst().orElse(null);
        }
        model.addAttribute("departement", chosen);
        model.addAttribute("epciChoices", chosen == null ? java.util.List.of() : territories.epcisOfDepartement(chosen));
        model.addAttribute("contactRows", java.util.stream.IntStream.range(0, TerritoryForm.CONTACT_ROWS).boxed().toList());
        return FORM;
    }

    private static String firstCode(String typed) {
        var codes = TerritoryForm.codes(typed);
        return codes.isEmpty() ? null : codes.getFirst();
    }

    private Territory mine(ConsoleUser user, String id) {
        return territories.find(user.scope(), id).orElseThrow(NotFound::new);
    }
}
