package fr.boussole.pipeline;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The pipeline's entry point, imported by whoever assembles the application: its components and its
 * settings ({@code boussole.pipeline.*}). It needs from the rest of the application only bot-core's ports
 * (the engine, contact requests and their alerts, searches, the questionnaires' funnel log, contact checks, data rights, deliverers,
 * personal data), a {@link java.time.Clock}, a {@code MongoTemplate} and a {@code MeterRegistry}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = PipelineModule.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
@EnableConfigurationProperties(PipelineProperties.class)
public class PipelineModule {
}
