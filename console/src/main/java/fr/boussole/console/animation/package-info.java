/** The animateur's side: dashboard, checks on offers and organisations, searches, exports, audit log. */
package fr.boussole.console.animation;
