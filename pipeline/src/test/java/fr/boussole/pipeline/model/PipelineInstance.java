package fr.boussole.pipeline.model;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.promise.ContactChecks;
import fr.boussole.core.message.Inbox;
import fr.boussole.core.offer.ContactRequestAlerts;
import fr.boussole.core.offer.ContactRequests;
import fr.boussole.core.offer.SearchLog;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.questionnaire.FunnelLog;
import fr.boussole.core.rights.DataRights;
import fr.boussole.core.rights.PersonalDataHolder;
import fr.boussole.core.settings.StoreSharing;
import fr.boussole.pipeline.PipelineModule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One instance of the pipeline module alone, as the assembly starts it (its configuration and
 * components through Spring), on a shared store, with its own clock, engine and provider: what a
 * second application process on the same store would run. {@link #crash} cuts it at whatever point
 * its threads are: its store connection goes first, so nothing it does afterwards reaches the store.
 */
final class PipelineInstance implements AutoCloseable {

    final String name;
    private final MongoClient client;
    private final ConfigurableApplicationContext context;

    private PipelineInstance(String name, MongoClient client, ConfigurableApplicationContext context) {
        this.name = name;
        this.client = client;
        this.context = context;
    }

    static PipelineInstance start(String name, String uri, Clock clock, ConversationEngine engine, Deliverer deliverer,
                                  PersonalData keys, Map<String, Object> settings) {
        return start(name, uri, clock, engine, deliverer, keys, settings, (search, id) -> { });
    }

    /** @param searches the search log of this instance: a test may hold a turn's effects there */
    static PipelineInstance start(String name, String uri, Clock clock, ConversationEngine engine, Deliverer deliverer,
                                  PersonalData keys, Map<String, Object> settings, SearchLog searches) {
        return start(name, uri, clock, engine, deliverer, keys, settings, searches, StoreSharing.SHARED);
    }

    /** @param sharing what the assembly tells this instance of its store (another instance on it: shared) */
    static PipelineInstance start(String name, String uri, Clock clock, ConversationEngine engine, Deliverer deliverer,
                                  PersonalData keys, Map<String, Object> settings, SearchLog searches, StoreSharing sharing) {
        return start(name, uri, clock, engine, deliverer, keys, settings, searches, sharing, null);
    }

    /** @param commands told of every command this instance sends to the store, on the thread that sent it (null: none) */
    static PipelineInstance start(String name, String uri, Clock clock, ConversationEngine engine, Deliverer deliverer,
                                  PersonalData keys, Map<String, Object> settings, SearchLog searches, StoreSharing sharing,
                                  CommandListener commands) {
        MongoClientSettings.Builder store = MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri));
        if (commands != null) {
            store.addCommandListener(commands);
        }
        MongoClient client = MongoClients.create(store.build());
        Beans.next = new Beans(client, clock, engine, deliverer, keys, searches, sharing);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PipelineModule.class, Beans.class)
                .web(WebApplicationType.NONE).bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .logStartupInfo(false).properties(settings).run();
        return new PipelineInstance(name, client, context);
    }

    Inbox inbox() {
        return context.getBean(Inbox.class);
    }

    MeterRegistry meters() {
        return context.getBean(MeterRegistry.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The first half of {@link #crash}: nothing more from it reaches the store; its threads go on. */
    void cutFromStore() {
        client.close();
    }

    /** As a kill -9 would leave it: nothing more from it reaches the store, whatever its threads were doing. */
    void crash() {
        client.close();
        try {
            context.close();
        } catch (RuntimeException ignored) {
            // its threads fail on the closed connection: that is the point
        }
    }

    @Override
    public void close() {
        context.close();
        client.close();
    }

    /** The beans the rest of the application would give the pipeline: the store, a clock, the ports. */
    @Configuration(proxyBeanMethods = false)
    static class Beans {

        /** Handed from {@link #start} to the configuration Spring instantiates (one instance starts at a time). */
        static volatile Beans next;

        private final MongoClient client;
        private final Clock clock;
        private final ConversationEngine engine;
        private final Deliverer deliverer;
        private final PersonalData keys;
        private final SearchLog searches;
        private final StoreSharing sharing;

        Beans(MongoClient client, Clock clock, ConversationEngine engine, Deliverer deliverer, PersonalData keys, SearchLog searches,
              StoreSharing sharing) {
            this.client = client;
            this.clock = clock;
            this.engine = engine;
            this.deliverer = deliverer;
            this.keys = keys;
            this.searches = searches;
            this.sharing = sharing;
        }

        Beans() {
            this(next.client, next.clock, next.engine, next.deliverer, next.keys, next.searches, next.sharing);
        }

        @Bean
        StoreSharing storeSharing() {
            return sharing;
        }

        @Bean
        MongoTemplate mongoTemplate() {
            return new MongoTemplate(client, "boussole");
        }

        @Bean
        Clock clock() {
            return clock;
        }

        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        @Bean
        PersonalData personalData() {
            return keys;
        }

        @Bean
        ConversationEngine engine() {
            return engine;
        }

        @Bean
        Deliverer deliverer() {
            return deliverer;
        }

        @Bean
        ContactRequests contactRequests() {
            return new ContactRequests() {
                @Override
                public Recorded record(String id, fr.boussole.core.conversation.ContactRequestDraft draft) {
                    return new Recorded(id, draft.offerId(), "org", draft.createdAt(), draft.createdAt());
                }

                @Override
                public java.util.Optional<Recorded> recordAnother(String id, String previousRequestId, String offerId,
                                                                  fr.boussole.core.conversation.ConsentRecord consent) {
                    return java.util.Optional.empty(); // the model's engine never proposes another offer
                }
            };
        }

        /** The model's engine never hands a conversation to a person. */
        @Bean
        fr.boussole.core.handover.Handovers handovers() {
            return new fr.boussole.core.handover.Handovers() {
                @Override
                public void requested(String handoverId, fr.boussole.core.message.ConversationKey conversation,
                                      String territoryId, String reason, java.time.Instant at) {
                }

                @Override
                public void heard(fr.boussole.core.message.ConversationKey conversation, java.time.Instant at) {
                }

                @Override
                public void ended(fr.boussole.core.message.ConversationKey conversation, String reason, java.time.Instant at) {
                }
            };
        }

        @Bean
        ContactRequestAlerts alerts() {
            return request -> { };
        }

        @Bean
        SearchLog searches() {
            return searches;
        }

        /** The questionnaires' funnel marks are anonymous counts: the model checks messages, not them. */
        @Bean
        FunnelLog funnel() {
            return (progress, id) -> { };
        }

        @Bean
        ContactChecks checks() {
            return new ContactChecks() {
                @Override
                public List<Due> takeDue(java.time.Instant now, int limit) {
                    return List.of();
                }

                @Override
                public void asked(String requestId, java.time.Instant at) {
                }

                @Override
                public void answered(String requestId, Answer answer, java.time.Instant at) {
                }
            };
        }

        @Bean
        DataRights dataRights(List<PersonalDataHolder> holders) {
            return new DataRights(holders);
        }
    }
}
