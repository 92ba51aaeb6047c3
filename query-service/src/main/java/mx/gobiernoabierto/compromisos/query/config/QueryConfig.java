package mx.gobiernoabierto.compromisos.query.config;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

import mx.gobiernoabierto.compromisos.support.kafka.EventTopic;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class QueryConfig {

    @Bean
    Clock clock(QueryProperties properties) {
        return Clock.system(properties.timeZone());
    }

    /**
     * The event topic (whichever service starts first creates it, with the same partition count and retention); the
     * partition count bounds how many instances share the work. service-support creates it to keep every record: it
     * is the system of record's only channel. The query service rebuilds from its own archive, so a short retention
     * costs a new or long-stopped instance.
     */
    @Bean
    EventTopic eventTopic(QueryProperties properties) {
        return new EventTopic(properties.topic(), properties.topicPartitions(), "The views are rebuilt from this "
                + "service's archive, but an instance with a new database, or one stopped for longer than that, would "
                + "miss what was deleted.");
    }

    /** Where poison records go; created on start if missing. */
    @Bean
    NewTopic deadLetterTopic(QueryProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(1).build();
    }
}
