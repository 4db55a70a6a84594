/** JMH benchmarks of commune resolution and intent classification (run with scripts/bench dialogs). */
package fr.boussole.dialogs.bench;
