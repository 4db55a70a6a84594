package fr.boussole.pipeline;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The pipeline as the assembly imports it: its components and its settings
 * ({@code boussole.pipeline.*}). It needs from the rest of the application only bot-core's ports
 * (the engine, contact requests and their alerts, searches, contact checks, data rights, deliverers,
 * personal data), a {@link java.time.Clock}, a {@code MongoTemplate} and a {@code MeterRegistry}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan("fr.boussole.pipeline")
@EnableConfigurationProperties(PipelineProperties.class)
public class PipelineConfiguration {
}
