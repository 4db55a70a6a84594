/** Personal data at rest: values sealed with AES-GCM under a rotating key ring, found again by keyed hash. */
package fr.boussole.core.privacy;
