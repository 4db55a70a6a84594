package fr.boussole.channels.support;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The channels module alone, with small in-memory stand-ins for the ports the platform implements
 * (Inbox, ReplyWait, DeliveryStatusSink) and a clock the tests move.
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
    ScriptedReplies replies() {
        return new ScriptedReplies();
    }

    @Bean
    RecordingStatusSink statusSink() {
        return new RecordingStatusSink();
    }

    /** Keys of personal data, random but one set per test JVM: contexts sharing a store read each other's records. */
    public static final fr.boussole.core.privacy.PersonalData PERSONAL_DATA = fr.boussole.core.privacy.PersonalData.generate();

    @Bean
    fr.boussole.core.privacy.PersonalData personalData() {
        return PERSONAL_DATA;
    }

}
