/** Accounts of professionals (bound to an organisation) and animateurs (bound to a territory). */
package fr.boussole.store.account;
