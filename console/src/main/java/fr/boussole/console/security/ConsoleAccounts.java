package fr.boussole.console.security;

import java.util.Optional;

/** The accounts of professionals and animateurs (kept by the offer store). */
public interface ConsoleAccounts {

    /** The account with this email (case-insensitive); {@code locked} is not set here. */
    Optional<ConsoleUser> byEmail(String email);

    /** Replaces the password hash (delegating-encoder format). */
    void changePassword(String accountId, String passwordHash);
}
