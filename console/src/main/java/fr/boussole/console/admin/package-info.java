/**
 * Administration pages: territories (administrators), organisations and accounts (administrators, and
 * animateurs within their territory). Each page reads and changes the offer store through its services,
 * passing the signed-in user's {@code Scope}.
 */
package fr.boussole.console.admin;
