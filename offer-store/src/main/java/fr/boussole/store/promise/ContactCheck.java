package fr.boussole.store.promise;

import fr.boussole.core.promise.ContactChecks;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One request whose young person was asked whether they were contacted, and their answer. */
// Named when the console held the promises; kept so that stored answers stay.
@Document("console_contact_checks")
public record ContactCheck(@Id String requestId, String territoryId, Instant askedAt,
                           ContactChecks.Answer answer, Instant answeredAt) {}
