/** Sub-documents stored as one sealed value (a conversation's state, a turn's events, a payload). */
package fr.boussole.pipeline.sealed;
