package fr.boussole.console.admin;

import fr.boussole.store.access.ChangeRefused;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationContact;
import fr.boussole.store.organisation.OrganisationService;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.ScopeLevel;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The organisation form: its description, competence (level and codes), territory (chosen by an
 * administrator; an animateur's is theirs), charter date, and up to {@link #CONTACT_ROWS} contacts, those
 * ticked "alertes" getting an email at each new request. {@code contactAlerts} holds the row numbers ticked.
 */
record OrganisationForm(String name, String type, String address, String website, String competenceLevel,
                        String competenceCodes, String territoryId, String charterSignedOn, List<String> contactName,
                        List<String> contactRole, List<String> contactPhone, List<String> contactEmail,
                        List<String> contactAlerts) {

    static final int CONTACT_ROWS = 4;

    OrganisationForm {
        contactName = padded(contactName);
        contactRole = padded(contactRole);
        contactPhone = padded(contactPhone);
        contactEmail = padded(contactEmail);
        contactAlerts = contactAlerts == null ? List.of() : contactAlerts;
    }

    static OrganisationForm blank(String territoryId) {
        return new OrganisationForm("", OrganisationType.ASSOCIATION.name(), "", "", ScopeLevel.TERRITORY.name(),
                territoryId == null ? "" : territoryId, territoryId == null ? "" : territoryId, "", null, null, null, null,
                List.of("0"));
    }

    static OrganisationForm of(Organisation o) {
        List<OrganisationContact> contacts = o.getContacts();
        List<String> alerts = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            if (contacts.get(i).alerts()) {
                alerts.add(Integer.toString(i));
            }
        }
        return new OrganisationForm(o.getName(), o.getType() == null ? "" : o.getType().name(), o.getAddress(), o.getWebsite(),
                o.getCompetence().level().name(), String.join(" ", o.getCompetence().codes()), o.getTerritoryId(),
                o.getCharterSignedOn() == null ? "" : o.getCharterSignedOn().toString(),
                contacts.stream().map(OrganisationContact::name).toList(), contacts.stream().map(OrganisationContact::role).toList(),
                contacts.stream().map(OrganisationContact::phone).toList(), contacts.stream().map(OrganisationContact::email).toList(),
                alerts);
    }

    OrganisationService.Draft draft() {
        LocalDate charter;
        try {
            charter = charterSignedOn == null || charterSignedOn.isBlank() ? null : LocalDate.parse(charterSignedOn.strip());
        } catch (DateTimeParseException e) {
            throw new ChangeRefused("organisation.charter-date", charterSignedOn);
        }
        List<OrganisationContact> contacts = new ArrayList<>();
        for (int i = 0; i < CONTACT_ROWS; i++) {
            contacts.add(new OrganisationContact(contactName.get(i), contactRole.get(i), contactPhone.get(i),
                    contactEmail.get(i), contactAlerts.contains(Integer.toString(i))));
        }
        return new OrganisationService.Draft(name, enumOf(OrganisationType.values(), type), address, website,
                enumOf(ScopeLevel.values(), competenceLevel), TerritoryForm.codes(competenceCodes), territoryId,
                charter, contacts);
    }

    private static <E extends Enum<E>> E enumOf(E[] values, String name) {
        return Arrays.stream(values).filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    private static List<String> padded(List<String> values) {
        List<String> padded = new ArrayList<>(values == null ? List.of() : values);
        while (padded.size() < CONTACT_ROWS) {
            padded.add("");
        }
        return padded.stream().map(v -> v == null ? "" : v).limit(CONTACT_ROWS).toList();
    }
}
