package mx.gobiernoabierto.compromisos.command.audit;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the hash-chain interceptor on the event store itself, where every appended event passes. */
@Configuration(proxyBeanMethods = false)
class AuditConfig {

    @Bean
    ConfigurerModule hashChainOnEventStore(EventStorageEngine storageEngine, MeterRegistry meters) {
        HashChainInterceptor interceptor = new HashChainInterceptor(storageEngine, meters);
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(
                () -> configuration.eventStore().registerDispatchInterceptor(interceptor)));
    }
}
