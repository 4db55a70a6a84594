package fr.boussole.console.audit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One access to personal data or one change, as the animateur reads it. Holds ids only, never the
 * contact details themselves.
 *
 * @param actor       account id, or "alert:" + recipient for an alert link
 * @param action      what was done
 * @param subjectId   the request or offer concerned
 */
@Document("console_audit_log")
public record AuditEntry(@Id String id, String territoryId, String organisationId, String actor,
                         AuditAction action, String subjectId, Instant at) {}
