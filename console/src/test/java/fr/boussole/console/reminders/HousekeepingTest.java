package fr.boussole.console.reminders;

import fr.boussole.console.alert.AlertLinkService;
import fr.boussole.console.support.ConsoleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class HousekeepingTest extends ConsoleIntegrationTest {

    @Autowired
    AlertLinkService links;
    @Autowired
    Housekeeping housekeeping;
    @Autowired
    MongoTemplate mongo;

    @Test
    void expired_alert_links_are_kept_a_month_for_the_expired_page_then_deleted() {
        String requestId = "cr_housekeeping";
        links.issue(requestId, "pro@structure.test");
        clock.advance(Duration.ofDays(5).plus(Duration.ofDays(29)));

        housekeeping.purge();
        assertThat(count(requestId)).isEqualTo(1);

        clock.advance(Duration.ofDays(2));
        housekeeping.purge();
        assertThat(count(requestId)).isZero();
    }

    private long count(String requestId) {
        return mongo.getCollection("console_alert_links").countDocuments(new org.bson.Document("requestId", requestId));
    }
}
