package fr.boussole.pipeline.writes;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.Date;

/**
 * The steps an upgrade does once per store (a walk that lists or moves what was stored before a change), each
 * marked done by a document of {@code pipeline_migrations} named after it. A step is made so that doing it twice
 * has the effect of doing it once: two instances starting together may both walk, and the second marker is then
 * one too many, not an error.
 */
public final class OneOffSteps {

    public static final String COLLECTION = "pipeline_migrations";

    private final MongoTemplate mongo;

    public OneOffSteps(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean done(String step) {
        return mongo.findById(step, Document.class, COLLECTION) != null;
    }

    /**
     * Marks the step done, waiting for durability: the step's own writes that did not wait are covered by it.
     *
     * @param listed how many records the step listed or moved, kept with the marker; null when it counts none
     */
    public void markDone(String step, Instant at, Integer listed) {
        Document marker = new Document("_id", step).append("at", Date.from(at));
        if (listed != null) {
            marker.append("listed", listed);
        }
        try {
            mongo.insert(marker, COLLECTION);
        } catch (DuplicateKeyException anotherInstanceToo) {
            // done twice, to the same effect
        }
    }
}
