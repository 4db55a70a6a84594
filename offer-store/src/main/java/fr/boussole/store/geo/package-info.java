/** French administrative geography as the matching needs it: commune to department to region. */
package fr.boussole.store.geo;
