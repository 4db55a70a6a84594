package fr.boussole.console.security;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A password-reset link, stored by the SHA-256 of its token; single use. */
@Document("console_password_resets")
record PasswordResetToken(@Id String tokenHash, String accountId, String email, Instant expiresAt, Instant usedAt) {}
