package mx.gobiernoabierto.compromisos.command.publishing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import mx.gobiernoabierto.compromisos.command.config.CompromisosProperties;
import mx.gobiernoabierto.compromisos.support.kafka.EventTopic;

@Configuration(proxyBeanMethods = false)
class PublishingConfig {

    /**
     * The topic every stored event is published to; service-support creates it to keep every record and checks an
     * existing one. The event store still holds every event, so a short retention costs the readers, not this service.
     */
    @Bean
    EventTopic eventTopic(CompromisosProperties properties) {
        return new EventTopic(properties.topic(), properties.topicPartitions(), "The event store keeps them, but a "
                + "reader starting afresh, or stopped for longer than that, would never see what was deleted.");
    }

    /** A failed send must stop the publisher and be retried, never be logged and skipped. */
    @Bean
    ConfigurerModule publisherFailsLoudly() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSOR, c -> PropagatingErrorHandler.instance());
    }
}
