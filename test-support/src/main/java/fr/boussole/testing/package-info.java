/** What the modules' tests share: one test clock, in-memory stand-ins for the pipeline's Inbox and Outbox. */
package fr.boussole.testing;
