/**
 * What a console user may reach ({@link fr.boussole.store.access.Scope}) and how the store's services say no
 * ({@link fr.boussole.store.access.ChangeRefused}): shared by the territory, organisation and account
 * services, and depending on none of them.
 */
package fr.boussole.store.access;
