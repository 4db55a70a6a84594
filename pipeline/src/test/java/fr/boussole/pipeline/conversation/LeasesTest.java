package fr.boussole.pipeline.conversation;

import fr.boussole.core.settings.StoreSharing;
import fr.boussole.testing.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lease removed with its conversation's data (an erasure) and made again by another worker belongs to that worker
 * alone. Its generations counted from 0 again, like the removed one's: a worker that held the removed lease (paused
 * past it) renewed the new one as its own, and an instance that had released the removed one took the new one from
 * its holder by the generation it remembered. Both fail on the code before, where every lease began at 0.
 */
class LeasesTest {

    static final String NAME = "conversation:ref-of-lea";
    static final Duration LEASE = Duration.ofSeconds(30);

    @RegisterExtension
    final TestStore store = new TestStore();

    Leases a;
    Leases b;
    final Instant now = Instant.parse("2026-12-08T03:00:00Z");

    @BeforeEach
    void twoInstances() {
        var sharing = new StaticListableBeanFactory().getBeanProvider(StoreSharing.class);
        a = new Leases(store.mongo(), sharing);
        b = new Leases(store.mongo(), sharing);
    }

    void removedWithTheConversation() {
        store.mongo().remove(Query.query(Criteria.where("_id").is(NAME)), Leases.COLLECTION);
    }

    @Test
    void the_holder_of_a_removed_lease_cannot_renew_the_one_made_again() {
        assertThat(a.tryAcquire(NAME, "a-1", now, LEASE)).isTrue();
        removedWithTheConversation();
        assertThat(b.tryAcquire(NAME, "b-1", now, LEASE)).isTrue();

        assertThat(a.renew(NAME, "a-1", now, LEASE)).as("the removed lease's holder, back from a pause").isFalse();
        assertThat(b.renew(NAME, "b-1", now, LEASE)).as("the new holder still holds it").isTrue();
    }

    @Test
    void a_release_remembered_from_a_removed_lease_does_not_take_the_one_made_again() {
        assertThat(a.tryAcquire(NAME, "a-1", now, LEASE)).isTrue();
        a.release(NAME, "a-1");
        removedWithTheConversation();
        assertThat(b.tryAcquire(NAME, "b-1", now, LEASE)).isTrue();
        assertThat(b.renew(NAME, "b-1", now, LEASE)).isTrue();

        assertThat(a.tryAcquire(NAME, "a-2", now, LEASE)).as("held by b, not run out").isFalse();
        assertThat(b.renew(NAME, "b-1", now, LEASE)).isTrue();
    }
}
