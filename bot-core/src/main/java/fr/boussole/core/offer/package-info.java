/** The offer catalogue and territories as the engine sees them, and the ports that record and announce contact requests. */
package fr.boussole.core.offer;
