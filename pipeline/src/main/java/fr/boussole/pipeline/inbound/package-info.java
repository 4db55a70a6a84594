/** The durable inbox: every inbound message recorded once, with its per-conversation rank and processing status. */
package fr.boussole.pipeline.inbound;
