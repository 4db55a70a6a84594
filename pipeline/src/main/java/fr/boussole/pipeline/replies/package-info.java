/** The reply wait of a channel that answers in the same exchange (the web chat): the bot-core ReplyWait port. */
package fr.boussole.pipeline.replies;
