/** Settings every module shares (the public URL) and the one error of a wrong setting. */
package fr.boussole.core.settings;
