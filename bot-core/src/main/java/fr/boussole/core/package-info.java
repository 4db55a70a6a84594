/**
 * The heart of Boussole Bot: the dialog engine, the domain model and the ports the adapters
 * implement. Plain Java only: no framework, no other module (checked by ArchUnit).
 */
package fr.boussole.core;
