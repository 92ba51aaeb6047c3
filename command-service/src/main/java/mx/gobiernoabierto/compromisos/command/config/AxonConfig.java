package mx.gobiernoabierto.compromisos.command.config;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.wire.EventJson;
import mx.gobiernoabierto.compromisos.events.wire.EventMetadata;
import mx.gobiernoabierto.compromisos.events.wire.EventTypes;

/**
 * Axon on PostgreSQL without Axon Server. Axon 4.13's JDBC auto-configuration does not match under Spring Boot 4
 * (it is evaluated before Boot's DataSource exists, and its transaction configuration refers to Boot 3 class
 * names), so the event store, the token store and the transaction manager are declared here.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /**
     * What every event a command causes carries from the command's metadata: the actor, and the correlation id the
     * request sent (else the command's own id). It replaces Axon's default {@code MessageOriginProvider}, which
     * would write the command's id under the same {@code correlationId} key and so lose the client's.
     */
    @Bean
    CorrelationDataProvider commandMetadata() {
        return message -> {
            var metadata = message.getMetaData();
            java.util.Map<String, Object> carried = new java.util.HashMap<>();
            carried.put(EventMetadata.CORRELATION_ID, metadata.getOrDefault(EventMetadata.CORRELATION_ID, message.getIdentifier()));
            if (metadata.containsKey(EventMetadata.ACTOR)) {
                carried.put(EventMetadata.ACTOR, metadata.get(EventMetadata.ACTOR));
            }
            return carried;
        };
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(EventSchema.builder().build())
                .build();
    }

    /**
     * Axon's embedded event store as its auto-configuration builds it, except that its tracking processors are woken
     * only once the outermost transaction committed, and once for commits close together (see
     * {@link CommitAwareEventStore}).
     */
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  CompromisosProperties properties) {
        return new CommitAwareEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)), properties.processorWakeUpDelay());
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(TokenSchema.builder().build())
                .build();
    }

    /**
     * Every Axon serializer (set to {@code jackson3} in the properties) writes events as the shared contract does,
     * may read Axon's own polymorphic tokens back, and sees the private fields of aggregate snapshots.
     */
    @Bean
    Jackson3SerializerCustomizer eventContractJson() {
        return builder -> EventJson.configure(builder)
                .changeDefaultVisibility(visibility -> visibility.withVisibility(PropertyAccessor.FIELD,
                        JsonAutoDetect.Visibility.ANY))
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .build());
    }

    /** Event revisions come from the contract's {@code @EventRevision}; other payloads carry none. */
    @Bean
    RevisionResolver revisionResolver() {
        return type -> DomainEvent.class.isAssignableFrom(type) && type.isRecord()
                ? Integer.toString(EventTypes.revisionOf(type))
                : null;
    }

    /**
     * Snapshots are taken by one background thread, not by the request thread that crossed the threshold (Axon's
     * default runs them inline after the commit, so every hundredth command re-read its aggregate's events before it
     * answered). A snapshot only saves reading work later: when many wait, new ones are dropped, and the next
     * threshold asks again.
     */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolExecutor snapshotExecutor() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1_000),
                runnable -> {
                    Thread thread = new Thread(runnable, "axon-snapshotter");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Axon's own snapshotter (as its auto-configuration builds it), on {@link #snapshotExecutor()}. */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory,
                                                    @Qualifier("snapshotExecutor") Executor snapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor)
                .build();
    }

    /** A threshold of 0 or less takes no snapshots, as Axon does out of the box (the benchmark's peer profile). */
    @Bean
    SnapshotTriggerDefinition commitmentSnapshotTrigger(Snapshotter snapshotter, CompromisosProperties properties) {
        if (properties.snapshotThreshold() <= 0) {
            return NoSnapshotTriggerDefinition.INSTANCE;
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /**
     * The cache both aggregates name ({@code @Aggregate(cache = "aggregateCache")}): a command finds its aggregate in
     * memory instead of reading a snapshot and the events after it. It keeps the {@code aggregate-cache-size} most
     * recently used aggregates (see {@link LruCache}); see {@link TransactionBoundCache} for why it only ever holds
     * committed state. Off, Axon reads every time.
     */
    @Bean
    Cache aggregateCache(CompromisosProperties properties) {
        return properties.aggregateCache()
                ? new TransactionBoundCache(new LruCache(properties.aggregateCacheSize()))
                : NoCache.INSTANCE;
    }

    @Bean
    Clock clock(CompromisosProperties properties) {
        return Clock.system(properties.timeZone());
    }
}
