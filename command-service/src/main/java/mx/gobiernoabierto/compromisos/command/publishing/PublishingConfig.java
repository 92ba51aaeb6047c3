package mx.gobiernoabierto.compromisos.command.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import mx.gobiernoabierto.compromisos.command.config.CompromisosProperties;
import mx.gobiernoabierto.compromisos.support.kafka.TopicRetentionCheck;

@Configuration(proxyBeanMethods = false)
class PublishingConfig {

    /**
     * Created on start if missing, keeping every record for ever: readers (a new query instance, a replay, an
     * auditor's consumer) must never find the start of the history deleted. An existing topic keeps its partitions
     * and settings, and is checked by {@link TopicRetentionCheck}.
     */
    @Bean
    NewTopic eventTopic(CompromisosProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(properties.topicPartitions())
                .configs(TopicRetentionCheck.KEEP_FOREVER).build();
    }

    /** The event store still holds every event, so a short retention costs the readers, not this service. */
    @Bean
    TopicRetentionCheck topicRetentionCheck(KafkaAdmin admin, CompromisosProperties properties) {
        return new TopicRetentionCheck(admin, properties.topic(), "The event store keeps them, but a reader starting "
                + "afresh, or stopped for longer than that, would never see what was deleted.");
    }

    /** A failed send must stop the publisher and be retried, never be logged and skipped. */
    @Bean
    ConfigurerModule publisherFailsLoudly() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSOR, c -> PropagatingErrorHandler.instance());
    }
}
