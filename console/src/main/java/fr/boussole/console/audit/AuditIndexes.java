package fr.boussole.console.audit;

import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The audit log is read per territory, newest first: one compound index, created at start-up. */
@Component
class AuditIndexes {

    private final MongoTemplate mongo;

    AuditIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ContextRefreshedEvent.class)
    void create() {
        mongo.indexOps(AuditEntry.class).createIndex(new Index().on("territoryId", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC).named("territory_at"));
    }
}
