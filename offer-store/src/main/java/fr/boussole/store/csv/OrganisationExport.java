package fr.boussole.store.csv;

import fr.boussole.store.scope.Scope;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationService;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** Writes the organisations of a scope in the CSV that {@link OrganisationImport} reads: an export re-imports as is. */
@Service
public class OrganisationExport {

    private final OrganisationService organisations;

    OrganisationExport(OrganisationService organisations) {
        this.organisations = organisations;
    }

    public int export(Writer out, Scope scope) throws IOException {
        List<Organisation> selected = organisations.visibleTo(scope);
        CsvTable.write(out, OrganisationColumn.class, selected, OrganisationExport::cell);
        return selected.size();
    }

    private static String cell(Organisation o, OrganisationColumn column) {
        return switch (column) {
            case ID -> o.getId();
            case NAME -> o.getName();
            case TYPE -> o.getType() == null ? null : o.getType().name().toLowerCase(Locale.ROOT);
            case ADDRESS -> o.getAddress();
            case WEBSITE -> o.getWebsite();
            case TERRITORY -> o.getTerritoryId();
            case COMPETENCE -> o.getCompetence().level().name().toLowerCase(Locale.ROOT);
            case COMPETENCE_CODES -> String.join(" ", o.getCompetence().codes());
            case CHARTER_SIGNED_ON -> o.getCharterSignedOn() == null ? null : o.getCharterSignedOn().toString();
            case CONTACTS -> ContactsFormat.format(o.getContacts());
            case ACTIVE -> o.isActive() ? "yes" : "no";
        };
    }
}
