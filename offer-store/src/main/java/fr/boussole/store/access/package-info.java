/**
 * How the store's services say no ({@link fr.boussole.store.access.ChangeRefused}): shared by the territory,
 * organisation and account services, and depending on none of them. What a console user may reach is
 * {@link fr.boussole.store.scope.Scope}.
 */
package fr.boussole.store.access;
