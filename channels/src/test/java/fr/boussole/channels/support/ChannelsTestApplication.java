package fr.boussole.channels.support;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The channels module alone, with small in-memory stand-ins for the ports the platform implements
 * (Inbox, DeliveryStatusSink) and a clock the tests move.
 */
@SpringBootApplication(scanBasePackages = "fr.boussole.channels")
public class ChannelsTestApplication {

    @Bean
    MovableClock clock() {
        return new MovableClock();
    }

    @Bean
    RecordingInbox inbox() {
        return new RecordingInbox();
    }

    @Bean
    RecordingStatusSink statusSink() {
        return new RecordingStatusSink();
    }

}
