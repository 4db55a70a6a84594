package fr.boussole.app.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On MongoDB, a write is acknowledged only once a majority of the replica set has journaled it, and
 * a write cut by a failover is retried: unless the operator's MONGODB_URI says otherwise.
 */
class StoreDurabilitySettingsTest {

    @Test
    void writes_wait_for_a_journaled_majority_and_are_retried_by_default() {
        MongoClientSettings settings = settings("mongodb://db1,db2,db3/boussole?replicaSet=rs0");

        assertThat(settings.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
        assertThat(settings.getRetryWrites()).isTrue();
    }

    @Test
    void a_write_concern_written_in_the_uri_wins() {
        MongoClientSettings settings = settings("mongodb://db1/boussole?w=1&journal=false&retryWrites=false");

        assertThat(settings.getWriteConcern()).isEqualTo(WriteConcern.W1.withJournal(false));
        assertThat(settings.getRetryWrites()).isFalse();
    }

    private static MongoClientSettings settings(String uri) {
        // as Spring Boot builds them: the connection string first, then the customizers
        MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri));
        PlatformConfiguration.durability(uri).customize(builder);
        return builder.build();
    }
}
