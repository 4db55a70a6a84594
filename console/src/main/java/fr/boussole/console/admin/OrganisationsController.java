package fr.boussole.console.admin;

import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.organisation.OrganisationService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The organisations: every one for an administrator, those of the territory for its animateur. */
@Controller
class OrganisationsController {

    static final String PATH = "/console/admin/organisations";
    static final String LIST = "console/admin/organisations";

    private final OrganisationService organisations;
    private final AdminNames names;

    OrganisationsController(OrganisationService organisations, AdminNames names) {
        this.organisations = organisations;
        this.names = names;
    }

    @GetMapping(PATH)
    String list(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("organisations", organisations.visibleTo(user.scope()));
        model.addAttribute("territoryNames", names.territories(user.scope()));
        return LIST;
    }
}
