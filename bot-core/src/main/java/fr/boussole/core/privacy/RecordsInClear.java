package fr.boussole.core.privacy;

/**
 * Records an earlier version stored in clear, before personal data was sealed: the re-seal seals them
 * in place first. Idempotent: a record already sealed is left alone.
 */
public interface RecordsInClear {

    /** Seals every record still in clear; how many were sealed. */
    int seal();
}
