/**
 * The young people's data rights: who a request is about ({@link fr.boussole.core.rights.DataSubject}),
 * the stores that hold personal data ({@link fr.boussole.core.rights.PersonalDataHolder}) and the one
 * way to export or erase it ({@link fr.boussole.core.rights.DataRights}).
 */
package fr.boussole.core.rights;
