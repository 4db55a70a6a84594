package fr.boussole.channels.support;

import fr.boussole.testing.RecordingInbox;
import fr.boussole.testing.TestClock;
import fr.boussole.channels.ChannelsModule;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The channels module alone, with small in-memory stand-ins for the ports the platform implements
 * (Inbox, ReplyWait, DeliveryStatusSink) and a clock the tests move.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ChannelsModule.class)
public class ChannelsTestApplication {

    @Bean
    TestClock clock() {
        return new TestClock();
    }

    /** The application's one public URL (the app makes it from PUBLIC_BASE_URL the same way). */
    @Bean
    fr.boussole.core.settings.PublicBaseUrl publicBaseUrl(
            @org.springframework.beans.factory.annotation.Value("${boussole.public-base-url:http://localhost:8080}") String url) {
        return fr.boussole.core.settings.PublicBaseUrl.parse(url);
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
