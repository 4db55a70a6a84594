/**
 * Settings every module shares (the public URL, whether the store is this process's alone) and the one
 * error of a wrong setting.
 */
package fr.boussole.core.settings;
