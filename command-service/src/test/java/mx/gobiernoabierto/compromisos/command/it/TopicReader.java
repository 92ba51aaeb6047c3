package mx.gobiernoabierto.compromisos.command.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;

/** Reads the event topic from its beginning, as a consumer downstream would, keeping records of some keys. */
final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Set<String> keys;
    private final List<EventEnvelope> envelopes = new ArrayList<>();

    TopicReader(String topic, Set<String> keys) {
        this.keys = keys;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls once more and returns every envelope of the keys read so far, in the order they arrived. */
    List<EventEnvelope> poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            if (keys.contains(record.key())) {
                envelopes.add(EventEnvelope.fromJson(record.value()));
            }
        }
        return List.copyOf(envelopes);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
