/** Send rate limits shared by every instance through MongoDB. */
package fr.boussole.channels.limit;
