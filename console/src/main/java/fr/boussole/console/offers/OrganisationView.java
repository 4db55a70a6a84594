package fr.boussole.console.offers;

import java.util.List;

/** An organisation as the directory shows it. */
public record OrganisationView(String id, String name, String type, String email, String phone,
                               List<String> alertEmails, boolean active) {

    public OrganisationView {
        alertEmails = alertEmails == null ? List.of() : List.copyOf(alertEmails);
    }
}
