package fr.boussole.store.csv;

/** Told how far an import went: {@code done} rows out of {@code total}, in the phase named. */
@FunctionalInterface
public interface ImportProgress {

    enum Phase { VALIDATING, WRITING }

    ImportProgress NONE = (phase, done, total) -> {};

    void progressed(Phase phase, int done, int total);
}
