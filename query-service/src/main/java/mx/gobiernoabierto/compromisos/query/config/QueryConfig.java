package mx.gobiernoabierto.compromisos.query.config;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class QueryConfig {

    @Bean
    Clock clock(QueryProperties properties) {
        return Clock.system(properties.timeZone());
    }

    /** Where poison records go; created on start if missing. */
    @Bean
    NewTopic deadLetterTopic(QueryProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(1).build();
    }
}
