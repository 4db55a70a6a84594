package fr.boussole.app.embedded;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * Where the embedded store keeps its unique indexes, and how a store file written before their typed form
 * ({@link IndexKeyType}) is brought to it.
 * <p>
 * MVStore does not record a map's key and value types: a map is read with the types it is opened with. The
 * library kept each index in a map named {@code <db>.<collection>._index_<name>}, in Java-serialised form;
 * reading that map with the typed form would misread it. The typed maps therefore have their own names
 * ({@code ._typed_index_}), and a map counts only once it is recorded as complete in {@link #BUILT} (a map of
 * names to format versions). On opening an index whose typed map is not recorded, or while the library's map
 * is still there (a file written, or written again after a downgrade, by the earlier code), the typed map is
 * emptied and the library's map removed; the library then builds the empty index from the collection, as it
 * builds any new index, and the map is recorded once that is done. A build cut short by a crash is started
 * again at the next start, never taken for a whole one.
 */
final class IndexMaps {

    /** Not under any database's prefix ({@code <db>.}), so dropping a database never drops it. */
    static final String BUILT = "boussole-typed-indexes";
    static final String FORMAT = "1";
    private static final String TYPED = "._typed_index_";
    private static final String LEGACY = "._index_";

    private IndexMaps() {
    }

    static Index<Object> open(MVStore store, String namespace, String indexName, List<IndexKey> keys, boolean sparse) {
        String name = namespace + TYPED + indexName;
        MVMap<KeyValue, Object> entries = typed(store, name);
        String legacy = namespace + LEGACY + indexName;
        if (!FORMAT.equals(built(store).get(name)) || store.hasMap(legacy)) {
            built(store).remove(name);
            entries.clear();
            if (store.hasMap(legacy)) {
                // opened with the type it was written with (MVStore's default) before it is removed, never by name
                store.removeMap(store.openMap(legacy));
            }
        }
        return new StoredUniqueIndex(entries, indexName, keys, sparse);
    }

    /**
     * {@link MVStore#removeMap(String)} is not used: for a map not open it opens it with a type that cannot
     * compare keys, then removes it, and MVStore's background compaction, rewriting that map's pages meanwhile,
     * failed on it and closed the store (an app starting on a 50,000-message store written by the code before
     * stopped with "Can not compare"). A map is removed here only as opened with its own type.
     */
    private static MVMap<KeyValue, Object> typed(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>()
                .keyType(IndexKeyType.INSTANCE).valueType(IndexPositionType.INSTANCE));
    }

    /** Records every index map of the database as complete: called once its indexes are built. */
    static void builtAll(MVStore store, String database) {
        MVMap<String, String> built = built(store);
        for (String name : store.getMapNames()) {
            if (name.startsWith(database + ".") && name.contains(TYPED) && !FORMAT.equals(built.get(name))) {
                built.put(name, FORMAT);
            }
        }
    }

    static void dropped(MVStore store, String namespace, String indexName) {
        String name = namespace + TYPED + indexName;
        built(store).remove(name);
        if (store.hasMap(name)) {
            store.removeMap(typed(store, name));
        }
    }

    static void droppedAll(MVStore store, String database) {
        MVMap<String, String> built = built(store);
        for (String name : List.copyOf(built.keySet())) {
            if (name.startsWith(database + ".")) {
                built.remove(name);
            }
        }
    }

    private static MVMap<String, String> built(MVStore store) {
        return store.openMap(BUILT);
    }
}
