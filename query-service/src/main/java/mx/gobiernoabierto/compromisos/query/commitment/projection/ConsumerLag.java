package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.query.config.QueryProperties;

/**
 * {@code compromisos.consumer.lag{partition}}: per partition of the event topic, how many records the consumer
 * group has not yet committed, measured from the broker every few seconds (for the whole group, whichever
 * instance owns the partition).
 */
@Component
class ConsumerLag {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLag.class);

    private final KafkaAdmin admin;
    private final String group;
    private final String topic;
    private final MultiGauge lag;

    ConsumerLag(KafkaAdmin admin, KafkaProperties kafka, QueryProperties properties, MeterRegistry meters) {
        this.admin = admin;
        this.group = kafka.getConsumer().getGroupId();
        this.topic = properties.topic();
        this.lag = MultiGauge.builder("compromisos.consumer.lag")
                .description("Records of the event topic not yet consumed by the group, per partition")
                .baseUnit("records")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${compromisos.query.lag-refresh:5s}", initialDelayString = "1s")
    void refresh() {
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            List<TopicPartition> partitions = client.describeTopics(List.of(topic)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            Map<TopicPartition, Long> ends = client.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(5, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            lag.register(partitions.stream()
                    .map(p -> MultiGauge.Row.of(Tags.of("topic", topic, "partition", Integer.toString(p.partition())),
                            ends.get(p) - (committed.containsKey(p) && committed.get(p) != null ? committed.get(p).offset() : 0)))
                    .toList(), true);
        } catch (Exception e) {
            LOG.debug("Consumer lag not measured this time: {}", e.toString());
        }
    }
}
