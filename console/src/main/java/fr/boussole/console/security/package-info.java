/** Sign-in, lockout, password reset and the filter chains of the console. */
package fr.boussole.console.security;
