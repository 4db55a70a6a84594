package fr.boussole.app.testing;

import fr.boussole.core.conversation.ConversationEngine;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The test engine and stand-ins for other modules' ports, registered in the pipeline's test contexts. */
@TestConfiguration(proxyBeanMethods = false)
public class TestPipelineConfiguration {

    @Bean
    ConversationEngine echoEngine() {
        return new EchoEngine();
    }

    @Bean
    InMemoryContactRequests inMemoryContactRequests() {
        return new InMemoryContactRequests();
    }

    @Bean
    ScriptedSmsDeliverer scriptedSmsDeliverer() {
        return new ScriptedSmsDeliverer();
    }
}
