/**
 * Tests of the console's defences as a whole: security headers on every page, CSRF on every
 * state-changing endpoint, templates that keep the content security policy, and injection through
 * every form.
 */
package fr.boussole.console.hardening;
