/** Web plumbing shared by the console's pages. */
package fr.boussole.console.web;
