package fr.boussole.console.store;

import fr.boussole.console.offers.OrganisationDirectory;
import fr.boussole.console.offers.OrganisationView;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationContact;
import fr.boussole.store.organisation.Organisations;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class StoreOrganisationDirectory implements OrganisationDirectory {

    private final Organisations organisations;

    StoreOrganisationDirectory(Organisations organisations) {
        this.organisations = organisations;
    }

    @Override
    public List<OrganisationView> ofTerritory(String territoryId) {
        return organisations.findByTerritoryId(territoryId).stream().map(StoreOrganisationDirectory::view).toList();
    }

    /** The first contact that is not only an alert address is the public one. */
    private static OrganisationView view(Organisation o) {
        OrganisationContact main = o.getContacts().stream().filter(c -> !c.alerts()).findFirst()
                .orElse(o.getContacts().isEmpty() ? null : o.getContacts().getFirst());
        return new OrganisationView(o.getId(), o.getName(), o.getType() == null ? null : o.getType().name(),
                main == null ? null : main.email(), main == null ? null : main.phone(), o.alertEmails(), o.isActive());
    }
}
