package mx.gobiernoabierto.compromisos.query.config;

import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import mx.gobiernoabierto.compromisos.query.commitment.projection.PoisonMessageException;

@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /**
     * A poison record goes straight to the dead-letter topic (the reason is in its {@code kafka_dlt-exception-*}
     * headers) and consumption goes on. Any other failure (the database is down) is retried without end, backing
     * off up to five seconds (so the views catch up soon after the database is back): skipping a valid event would
     * corrupt the views, and sending it to the dead-letter topic would lose it.
     */
    @Bean
    DefaultErrorHandler errorHandler(KafkaOperations<Object, Object> kafka, QueryProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(properties.deadLetterTopic(), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(5_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonMessageException.class);
        return handler;
    }
}
