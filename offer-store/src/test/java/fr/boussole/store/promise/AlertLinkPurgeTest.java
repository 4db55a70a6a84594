package fr.boussole.store.promise;

import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class AlertLinkPurgeTest extends PromiseTest {

    @Autowired
    AlertLinkService links;

    @Test
    void expired_alert_links_are_kept_a_month_for_the_expired_page_then_deleted() {
        String requestId = "cr_housekeeping";
        links.issue(requestId, "pro@structure.test");
        clock.advance(Duration.ofDays(5).plus(Duration.ofDays(29)));

        links.purge();
        assertThat(count(requestId)).isEqualTo(1);

        clock.advance(Duration.ofDays(2));
        links.purge();
        assertThat(count(requestId)).isZero();
    }

    private long count(String requestId) {
        return mongo.getCollection("console_alert_links").countDocuments(new Document("requestId", requestId));
    }
}
