package fr.boussole.console.audit;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.retention.OldAuditEntries;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Writes and reads the audit log, and deletes its entries past their time (the retention job's
 * {@code boussole.retention.audit-log}). The log is small (an entry per console action), so that deletion, like
 * {@link #latest}, walks it whole on the embedded store (a time field's index is not honoured there).
 */
@Service
public class AuditLog implements OldAuditEntries {

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void record(String territoryId, String organisationId, String actor, AuditAction action, String subjectId) {
        record(territoryId, organisationId, actor, action, subjectId, null);
    }

    /** An entry about a young person's data rights: {@code subjectLookup} is the keyed hash of their phone or email. */
    public void record(String territoryId, String organisationId, String actor, AuditAction action, String subjectId,
                       String subjectLookup) {
        mongo.insert(new AuditEntry(Ids.random("au"), territoryId, organisationId, actor, action, subjectId,
                clock.instant(), subjectLookup));
    }

    /** The latest entries of a territory, newest first. */
    public List<AuditEntry> latest(String territoryId, int limit) {
        Query query = new Query(Criteria.where("territoryId").is(territoryId))
                .with(Sort.by(Sort.Direction.DESC, "at"))
                .with(PageRequest.of(0, limit));
        return mongo.find(query, AuditEntry.class);
    }

    @Override
    public int deleteBefore(Instant limit) {
        return (int) mongo.remove(Query.query(Criteria.where("at").lt(limit)), AuditEntry.class).getDeletedCount();
    }
}
