package mx.gobiernoabierto.compromisos.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Where a service uses Kafka (the dependency is optional here): {@code kafka} in the health, and, where the service
 * declares its {@link EventTopic}, that topic created to keep every record and checked on start.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaAdmin.class)
public class KafkaSupportAutoConfiguration {

    /**
     * Created on start if missing, keeping every record for ever: readers (a new query instance, a replay, an
     * auditor's consumer) must never find the start of the history deleted. Whichever service starts first creates
     * it, with the same settings; an existing topic keeps its partitions and settings and is checked instead.
     */
    @Bean
    @ConditionalOnBean(EventTopic.class)
    @ConditionalOnMissingBean(name = "eventTopicDefinition")
    NewTopic eventTopicDefinition(EventTopic topic) {
        return TopicBuilder.name(topic.name()).partitions(topic.partitions())
                .configs(TopicRetentionCheck.KEEP_FOREVER).build();
    }

    @Bean
    @ConditionalOnBean({EventTopic.class, KafkaAdmin.class})
    @ConditionalOnMissingBean
    TopicRetentionCheck topicRetentionCheck(KafkaAdmin admin, EventTopic topic) {
        return new TopicRetentionCheck(admin, topic.name(), topic.consequence());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(org.springframework.boot.health.contributor.HealthIndicator.class)
    static class Health {

        @Bean("kafka")
        @ConditionalOnBean(KafkaAdmin.class)
        @ConditionalOnMissingBean(name = "kafka")
        KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
            return new KafkaHealthIndicator(admin);
        }
    }
}
