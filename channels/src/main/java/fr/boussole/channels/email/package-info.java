/** Email out: the outbox's emails (alerts, reminders, password resets) over SMTP. */
package fr.boussole.channels.email;
