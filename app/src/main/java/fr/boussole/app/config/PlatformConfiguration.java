package fr.boussole.app.config;

import fr.boussole.core.settings.PublicBaseUrl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The one clock, store client timeouts and the web converters every module shares. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The public URL, checked at start-up ({@link StartupSettings}), for every module that builds links. */
    @Bean
    PublicBaseUrl publicBaseUrl(@Value("${boussole.public-base-url}") String url) {
        return PublicBaseUrl.parse(url);
    }

    /** Fail fast when the store is down, so that channels answer 503 instead of hanging. */
    @Bean
    MongoClientSettingsBuilderCustomizer boussoleStoreTimeouts() {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(5, TimeUnit.SECONDS));
    }

    /**
     * Durable before acknowledged on MongoDB: a write is acknowledged once a majority of the replica set
     * has it in its journal ({@code w: majority, j: true}), and a write cut by a failover is retried once
     * by the driver (retryable writes, which need a replica set or a sharded cluster). A write concern or
     * {@code retryWrites} written in {@code MONGODB_URI} wins. The embedded store ignores both: it commits
     * each write to its file before answering (see {@code DurableH2Backend}).
     */
    @Bean
    MongoClientSettingsBuilderCustomizer boussoleStoreDurability(org.springframework.core.env.Environment env) {
        return durability(env.getProperty("spring.mongodb.uri"));
    }

    static MongoClientSettingsBuilderCustomizer durability(String uri) {
        com.mongodb.ConnectionString given = uri == null || uri.isBlank() ? null : new com.mongodb.ConnectionString(uri);
        return settings -> {
            if (given == null || given.getWriteConcern() == null) {
                settings.writeConcern(com.mongodb.WriteConcern.MAJORITY.withJournal(true));
            }
            if (given == null || given.getRetryWritesValue() == null) {
                settings.retryWrites(true);
            }
        };
    }

    /**
     * Twilio's SDK brings jackson-dataformat-xml, which would make Spring answer XML to a browser's
     * Accept header: JSON only (TwiML is written by the channels module itself).
     */
    @Bean
    WebMvcConfigurer noXmlConverters() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.removeIf(c -> c.getClass().getName().toLowerCase(java.util.Locale.ROOT).contains("xml"));
            }
        };
    }
}
