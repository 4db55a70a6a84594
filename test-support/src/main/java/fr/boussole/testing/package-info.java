/**
 * What the modules' tests share: one test clock, one bounded wait, in-memory stand-ins for the pipeline's
 * Inbox and Outbox, one MongoDB in memory for a test that works on the store, the doubles of the outside world
 * a running app talks to, the one signed Twilio sender, and the one headless browser of the console's and the
 * app's browser tests.
 */
package fr.boussole.testing;
