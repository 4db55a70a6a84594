/** Kept promises: reminders on the due day and escalation of overdue requests to the animateur. */
package fr.boussole.console.reminders;
