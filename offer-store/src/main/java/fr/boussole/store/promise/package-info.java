/**
 * The promises made to a young person who asked to be contacted: the alert to the organisation
 * (with its password-less link), the reminder on the due day, the escalation of an overdue request
 * to the animateurs, and, after the due date, the question "were you contacted?" with its answer.
 * They speak to the pipeline only through bot-core's ports (they implement {@code ContactRequestAlerts}
 * and {@code ContactChecks}, and use {@code Outbox} and {@code Inbox}).
 */
package fr.boussole.store.promise;
