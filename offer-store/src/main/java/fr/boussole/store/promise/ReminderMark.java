package fr.boussole.store.promise;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A reminder already handed to the outbox, by its outbox id: the job skips it on its next runs. */
// Named when the console held the promises; kept so that an upgrade sends no reminder twice.
@Document("console_reminders_sent")
record ReminderMark(@Id String deliveryId, String requestId, Instant at) {}
