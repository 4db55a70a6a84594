/** Email delivery over SMTP for the outbox (alerts, reminders, password resets). */
package fr.boussole.console.mail;
