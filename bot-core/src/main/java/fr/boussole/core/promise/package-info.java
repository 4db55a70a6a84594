/**
 * The young person's side of the offer store's promises, as bot-core ports and system inputs: "were you
 * contacted?" after the due date (the contact check: {@link fr.boussole.core.promise.ContactChecks},
 * {@link fr.boussole.core.promise.ContactCheckPrompt}) and what became of a request
 * ({@link fr.boussole.core.promise.RequestNews}). Implemented by the offer store's {@code promise} package,
 * spoken by the engine. Not to be confused with a professional's follow-up: the log entry of what followed
 * a request ({@code store.request.FollowUp}).
 */
package fr.boussole.core.promise;
