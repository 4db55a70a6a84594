package fr.boussole.core.admin;

import java.time.Duration;

/**
 * What {@code --create-admin=EMAIL} asks of the modules: a national administrator with this email,
 * created or found, and a new one-time link to set the password (the earlier links stop working). The
 * command line knows only this port; the console implements it over the store's account service and
 * writes the audit entry.
 */
public interface FirstAdministrator {

    Outcome issue(String email);

    /** What the command prints. */
    sealed interface Outcome {

        /** The link, absolute, and how long it works. */
        record Issued(String email, String link, Duration validity) implements Outcome {}

        /** Not an email address. */
        record NotAnEmail(String typed) implements Outcome {}

        /** The email belongs to an account of another role, which the console changes, not the command. */
        record OtherRole(String email, String role) implements Outcome {}
    }
}
