/**
 * What the modules' tests share: one test clock, one bounded wait, in-memory stand-ins for the pipeline's
 * Inbox and Outbox, the doubles of the outside world a running app talks to, and the one signed Twilio sender.
 */
package fr.boussole.testing;
