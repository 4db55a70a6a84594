package fr.boussole.app.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Locale;
import java.util.Set;

/**
 * The embedded store's backend, answering a write only once it is on disk. mongo-java-server's H2
 * backend commits its MVStore about once a second in the background, so a write it had acknowledged
 * was lost if the process died within that second (the channel had already answered 200). Here every
 * write command waits for a commit of the MVStore that covers it before its answer goes back to the
 * driver, and so before any channel acknowledges anything; concurrent writers share one commit
 * ({@link GroupCommit}). With {@code fsync}, each commit is also forced to the disk (a power cut, not
 * only a killed process, then loses nothing acknowledged).
 * <p>
 * A write sent with {@code j: false} in its write concern is answered without waiting, as MongoDB answers
 * it before its journal: the pipeline's bookkeeping (leases, the live-work lists, counters) and the
 * writes of a turn that the turn's last, waited-for write covers. A commit persists everything applied
 * before it, so such a write is durable once any later write has waited for its commit.
 */
final class DurableH2Backend extends H2Backend {

    /** The commands that change data (lower case); reads, pings and cursors are answered at once. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

    private final GroupCommit commits;

    DurableH2Backend(MVStore store, boolean fsync) {
        super(store);
        this.commits = new GroupCommit(() -> {
            store.commit();
            if (fsync) {
                store.sync();
            }
        });
    }

    static DurableH2Backend open(String file, boolean fsync) {
        return new DurableH2Backend(new MVStore.Builder().fileName(file).open(), fsync);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!WRITES.contains(command.toLowerCase(Locale.ROOT)) || unawaited(query)) {
            return super.handleCommand(channel, database, command, query);
        }
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // a failed write may still have changed something (one of several documents): made durable too
            commits.awaitDurable();
        }
    }

    /** Whether the write's concern says it need not wait for the journal ({@code j: false}). */
    static boolean unawaited(Document query) {
        return query.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
    }

    /** How many commits were made: fewer than the writes when writers share them. */
    long commitCount() {
        return commits.count();
    }
}
