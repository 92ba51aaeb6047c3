package mx.gobiernoabierto.compromisos.command.audit;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the hash-chain interceptor on the event store itself, where every appended event passes. */
@Configuration(proxyBeanMethods = false)
class AuditConfig {

    @Bean
    ConfigurerModule hashChainOnEventStore(MeterRegistry meters) {
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(
                () -> configuration.eventStore().registerDispatchInterceptor(
                        new HashChainInterceptor(configuration.eventStore(), meters))));
    }
}
