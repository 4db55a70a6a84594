package fr.boussole.store.organisation;

import java.util.List;

/** An organisation as the console's directory shows it: its public contact (the first that is not only an alert address). */
public record OrganisationView(String id, String name, String type, String email, String phone,
                               List<String> alertEmails, boolean active) {

    public OrganisationView {
        alertEmails = alertEmails == null ? List.of() : List.copyOf(alertEmails);
    }
}
