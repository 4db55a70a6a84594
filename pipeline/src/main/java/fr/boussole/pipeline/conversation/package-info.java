/** Processing: one conversation at a time under a lease, one message after the other, each turn applied exactly once. */
package fr.boussole.pipeline.conversation;
