package fr.boussole.pipeline.writes;

import fr.boussole.testing.TestStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * A one-off step is done once it is marked, the marker keeps when and how many records it listed, and a step
 * marked twice (two instances starting together, each having walked) is not an error: on the code before, three
 * of the five steps let the second marker's duplicate key fail their run.
 */
class OneOffStepsTest {

    @RegisterExtension
    final TestStore store = new TestStore();
    private MongoTemplate mongo;

    @BeforeEach
    void template() {
        mongo = store.mongo();
    }

    @Test
    void a_step_is_done_once_marked_with_when_and_how_many_it_listed() {
        OneOffSteps steps = new OneOffSteps(mongo);
        Instant at = Instant.parse("2026-12-08T01:00:00Z");
        assertThat(steps.done("retention-lists-inbound")).isFalse();
        steps.markDone("retention-lists-inbound", at, 42);
        steps.markDone("live-work-v1", at, null);
        assertThat(steps.done("retention-lists-inbound")).isTrue();
        assertThat(steps.done("live-work-v1")).isTrue();
        assertThat(steps.done("retention-lists-outbox")).isFalse();
        Document marker = mongo.findById("retention-lists-inbound", Document.class, "pipeline_migrations");
        assertThat(marker.get("at")).isEqualTo(Date.from(at));
        assertThat(marker.getInteger("listed")).isEqualTo(42);
        assertThat(mongo.findById("live-work-v1", Document.class, "pipeline_migrations")).doesNotContainKey("listed");
    }

    @Test
    void a_step_marked_by_two_instances_is_done_and_no_error() {
        OneOffSteps first = new OneOffSteps(mongo);
        OneOffSteps second = new OneOffSteps(mongo);
        first.markDone("outbox-orphans", Instant.now(), 3);
        assertThatCode(() -> second.markDone("outbox-orphans", Instant.now(), 3)).doesNotThrowAnyException();
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "pipeline_migrations")).isEqualTo(1);
    }
}
