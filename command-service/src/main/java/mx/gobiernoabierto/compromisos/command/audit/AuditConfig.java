package mx.gobiernoabierto.compromisos.command.audit;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import mx.gobiernoabierto.compromisos.command.config.CompromisosProperties;

/** Puts the hash-chain interceptor on the event store itself, where every appended event passes. */
@Configuration(proxyBeanMethods = false)
class AuditConfig {

    @Bean
    ChainHeads chainHeads(CompromisosProperties properties) {
        return new ChainHeads(properties.aggregateCacheSize());
    }

    @Bean
    ConfigurerModule hashChainOnEventStore(ChainHeads chainHeads, MeterRegistry meters) {
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(
                () -> configuration.eventStore().registerDispatchInterceptor(
                        new HashChainInterceptor(configuration.eventStore(), chainHeads, meters))));
    }
}
