/**
 * The message pipeline: every inbound message recorded before it is acknowledged, one turn per
 * message in order per conversation, every reply and alert through a persistent outbox. See
 * docs/platform.md for the code map.
 */
package fr.boussole.pipeline;
