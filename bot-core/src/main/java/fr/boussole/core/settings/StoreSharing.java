package fr.boussole.core.settings;

/**
 * Whether any other process may write to the store this process uses, as told by the assembly, which
 * knows how the store was opened; never guessed by the modules that use it.
 * <p>
 * {@link #EXCLUSIVE} only when this process holds the store's file itself (the embedded store, whose
 * file is locked by the process that opens it) and serves it to no other application: whatever the store
 * holds as claimed when this process starts was then claimed by an earlier run of this very process,
 * which is dead. {@link #SHARED} in every other case (MongoDB, the store as its own process, the embedded
 * store opened on a port for other applications): a claim found at start-up may be a live process's.
 */
public enum StoreSharing {
    EXCLUSIVE,
    SHARED
}
