/** Settings of the platform, their start-up checks, the one clock and web plumbing. */
package fr.boussole.app.config;
