/** Contact requests: a young person's consented request to be called back, and its follow-up by professionals. */
package fr.boussole.store.request;
