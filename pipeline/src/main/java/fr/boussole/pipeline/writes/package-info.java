/** How the pipeline writes what need not wait for the store's durability ({@link fr.boussole.pipeline.writes.Unawaited}). */
package fr.boussole.pipeline.writes;
