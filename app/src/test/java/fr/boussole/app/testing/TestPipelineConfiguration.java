package fr.boussole.app.testing;

import fr.boussole.core.conversation.ConversationEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The test engine and stand-ins for other modules' ports, registered in the pipeline's test contexts.
 * They take precedence over the real engine and store beans (which are present in the assembled app)
 * because these tests check the pipeline's mechanics (order, duplicates, replays) with an engine whose
 * replies are predictable; whole journeys through the real modules are tested in {@code journey}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPipelineConfiguration {

    @Bean
    @Primary
    ConversationEngine echoEngine() {
        return new EchoEngine();
    }

    @Bean
    @Primary
    InMemoryContactRequests inMemoryContactRequests() {
        return new InMemoryContactRequests();
    }

    /** Off in a test that configures Twilio: the real SMS deliverer is then there (one deliverer per channel). */
    @Bean
    @ConditionalOnProperty(name = "test.scripted-sms", havingValue = "true", matchIfMissing = true)
    ScriptedSmsDeliverer scriptedSmsDeliverer() {
        return new ScriptedSmsDeliverer();
    }
}
