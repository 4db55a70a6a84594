/** The persistent outbox: deliveries claimed with leases, sent in order per conversation, retried with backoff. */
package fr.boussole.pipeline.outbox;
