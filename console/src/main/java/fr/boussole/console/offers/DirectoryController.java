package fr.boussole.console.offers;

import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.offer.OfferBook;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.offer.OfferView;
import fr.boussole.store.organisation.OrganisationService;
import fr.boussole.store.organisation.OrganisationView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The organisations of the territory and their active offers, with their contacts. */
@Controller
class DirectoryController {

    private final OrganisationService organisations;
    private final OfferBook offers;

    DirectoryController(OrganisationService organisations, OfferBook offers) {
        this.organisations = organisations;
        this.offers = offers;
    }

    @GetMapping("/console/annuaire")
    String directory(@AuthenticationPrincipal ConsoleUser user, Model model) {
        String territoryId = user.territoryId();
        List<OrganisationView> orgs = territoryId == null ? List.of() : organisations.directoryOf(territoryId).stream()
                .filter(OrganisationView::active).sorted(Comparator.comparing(OrganisationView::name)).toList();
        var byOrganisation = territoryId == null ? java.util.Map.<String, List<OfferView>>of()
                : offers.ofTerritory(territoryId).stream().filter(o -> o.status() == OfferStatus.ACTIVE)
                .collect(Collectors.groupingBy(OfferView::organisationId));
        model.addAttribute("user", user);
        model.addAttribute("organisations", orgs);
        model.addAttribute("offersByOrganisation", byOrganisation);
        return "console/directory";
    }
}
