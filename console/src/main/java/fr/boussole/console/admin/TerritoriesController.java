package fr.boussole.console.admin;

import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.territory.TerritoryService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The territories, for administrators (/console/admin/territoires needs that role). */
@Controller
class TerritoriesController {

    static final String PATH = "/console/admin/territoires";
    static final String LIST = "console/admin/territories";

    private final TerritoryService territories;

    TerritoriesController(TerritoryService territories) {
        this.territories = territories;
    }

    @GetMapping(PATH)
    String list(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("territories", territories.visibleTo(user.scope()));
        return LIST;
    }
}
