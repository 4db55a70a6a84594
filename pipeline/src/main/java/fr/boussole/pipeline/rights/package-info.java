/**
 * The pipeline's part of the data rights: conversations, inbound messages and outbox entries as
 * personal data, found, exported and erased; old message texts emptied on the retention schedule.
 */
package fr.boussole.pipeline.rights;
