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
 * @param subjectId   the request or offer concerned (for a young person's data rights: a reference {@code dr_…})
 * @param subjectLookup for a young person's data rights, the keyed hash of the phone or email looked up
 *                    ({@code PersonalData.lookupKey}): who looked up a given person can be answered by hashing
 *                    their number again, and the log holds no phone or email; null otherwise
 */
@Document("console_audit_log")
public record AuditEntry(@Id String id, String territoryId, String organisationId, String actor,
                         AuditAction action, String subjectId, Instant at, String subjectLookup) {}
