/** Log privacy: the application's log, captured during whole journeys, holds no phone number, email or message text. */
package fr.boussole.app.logs;
