/** Crash test: real application processes on one store, one of them killed with SIGKILL under load. */
package fr.boussole.app.crash;
