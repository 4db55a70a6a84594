package fr.boussole.console.audit;

import fr.boussole.core.ids.Ids;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/** Writes and reads the audit log. */
@Service
public class AuditLog {

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
}
