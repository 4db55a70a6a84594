package fr.boussole.pipeline;

import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.privacy.SealingException;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.writes.OneOffSteps;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

/**
 * Once per store, before the pipeline starts: the work a version without the live-work collections
 * left pending is listed there ({@code inbound_due}, {@code outbox_due}, {@code outbox_dead}), pending
 * messages get their fence ({@code cas}), stopped recipients their rank. It reads the whole history
 * once, and then never again (a marker in {@code pipeline_migrations}); running it on several
 * instances at once is harmless (every write is an upsert or sets a value).
 */
@Component
class LiveWorkMigration implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveWorkMigration.class);
    static final String LIVE_WORK = "live-work-v1";

    private final MongoTemplate mongo;
    private final PersonalData personalData;
    private final OneOffSteps steps;
    private volatile boolean running;

    LiveWorkMigration(MongoTemplate mongo, PersonalData personalData) {
        this.mongo = mongo;
        this.personalData = personalData;
        this.steps = new OneOffSteps(mongo);
    }

    @Override
    public void start() {
        running = true;
        if (steps.done(LIVE_WORK)) {
            return;
        }
        long inbound = 0;
        long outbox = 0;
        Query pending = Query.query(Criteria.where("status").is("PENDING"));
        for (Document message : mongo.find(pending, Document.class, "inbound_messages")) {
            if (message.getString("cas") == null) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(message.getString("_id"))),
                        new Update().set("cas", message.getString("_id") + "#" + message.get("attempts")), "inbound_messages");
            }
            String conversation = message.getString("conversation");
            String address;
            try {
                // sealed values are bound to their place: opened where the message holds it, sealed again for inbound_due
                address = personalData.seal(personalData.open(message.getString("address"),
                        InboundMessages.field(message.getString("_id"), "address")), InboundMessages.dueField(conversation));
            } catch (SealingException unreadable) {
                log.error("inbound {} cannot be opened (sealed under a key not given to this instance?): not listed as live work",
                        message.getString("_id"));
                continue;
            }
            mongo.upsert(Query.query(Criteria.where("_id").is(conversation)),
                    new Update().set("channel", message.getString("channel")).setOnInsert("address", address)
                            .min("at", message.getDate("nextAttemptAt")), "inbound_due");
            inbound++;
        }
        for (Document entry : mongo.find(Query.query(Criteria.where("status").in("PENDING", "DEAD")), Document.class, "outbox")) {
            String id = entry.getString("_id");
            if ("DEAD".equals(entry.getString("status"))) {
                mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().set("channel", entry.getString("channel"))
                        .set("at", entry.getDate("finishedAt") == null ? new Date(0) : entry.getDate("finishedAt")), "outbox_dead");
            } else if (!"web".equals(entry.getString("channel"))) {
                mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().set("channel", entry.getString("channel"))
                        .set("at", entry.getDate("nextAttemptAt")), "outbox_due");
            }
            outbox++;
        }
        mongo.updateMulti(Query.query(Criteria.where("rank").exists(false)), new Update().set("rank", 0L), "stopped_recipients");
        steps.markDone(LIVE_WORK, Instant.now(), null);
        if (inbound + outbox > 0) {
            log.info("Pipeline: {} pending message(s) and {} pending or dead outbox entr(ies) listed as live work", inbound, outbox);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096; // before the outbox worker and the conversation processor
    }
}
