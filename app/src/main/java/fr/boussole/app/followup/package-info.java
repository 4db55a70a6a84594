/** The job that asks young people, after the promised delay, whether they were contacted. */
package fr.boussole.app.followup;
