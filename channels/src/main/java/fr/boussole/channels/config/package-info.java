/** Start-up settings of the channels and the one-line explanation of a wrong one. */
package fr.boussole.channels.config;
