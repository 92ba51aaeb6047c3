package mx.gobiernoabierto.compromisos.query.config;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

import mx.gobiernoabierto.compromisos.support.kafka.TopicRetentionCheck;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class QueryConfig {

    @Bean
    Clock clock(QueryProperties properties) {
        return Clock.system(properties.timeZone());
    }

    /**
     * The event topic, created on start if missing (whichever service starts first creates it, with the same
     * partition count and retention); the partition count bounds how many instances share the work. It keeps every
     * record for ever: it is the system of record's only channel, and a reader must never find its start deleted.
     * An existing topic is left as it is and checked by {@link TopicRetentionCheck}.
     */
    @Bean
    NewTopic eventTopic(QueryProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(properties.topicPartitions())
                .configs(TopicRetentionCheck.KEEP_FOREVER).build();
    }

    /** The query service rebuilds from its own archive, so a short retention costs a new or long-stopped instance. */
    @Bean
    TopicRetentionCheck topicRetentionCheck(KafkaAdmin admin, QueryProperties properties) {
        return new TopicRetentionCheck(admin, properties.topic(), "The views are rebuilt from this service's archive, "
                + "but an instance with a new database, or one stopped for longer than that, would miss what was deleted.");
    }

    /** Where poison records go; created on start if missing. */
    @Bean
    NewTopic deadLetterTopic(QueryProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(1).build();
    }
}
