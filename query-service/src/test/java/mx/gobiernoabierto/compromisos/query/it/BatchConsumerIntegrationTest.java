package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;

/**
 * The live consumer applies a whole poll in one transaction. Records published while it is paused arrive in one
 * poll: duplicates, a gap that a later record of the same poll fills, and a poison record in the middle must leave
 * the views as in-order delivery of each event once would, and the poison in the dead-letter topic.
 */
class BatchConsumerIntegrationTest extends QueryIntegrationTest {

    private static final Instant START = Instant.parse("2024-09-01T15:00:00.000Z");

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void duplicatesAGapAndAPoisonRecordInOnePollLeaveTheViewsAsInOrderDelivery() {
        Streams.Story ordered = Streams.Story.create();
        publish(Streams.chain(START, ordered.plan()).getFirst());
        Streams.chain(START, ordered.events().toArray(DomainEvent[]::new)).forEach(QueryIntegrationTest::publish);
        awaitVersion(ordered.commitmentId(), 9);

        Streams.Story story = Streams.Story.create();
        List<EventEnvelope> e = Streams.chain(START, story.events().toArray(DomainEvent[]::new));
        String key = story.commitmentId();
        MessageListenerContainer live = listeners.getListenerContainer("projections");
        live.pause();
        await().atMost(Duration.ofSeconds(30)).until(live::isContainerPaused);
        try {
            publish(Streams.chain(START, story.plan()).getFirst());
            for (EventEnvelope envelope : List.of(e.get(0), e.get(1), e.get(2), e.get(1), e.get(5), e.get(6))) {
                publish(envelope);
            }
            publishRaw(key, "{ a poison record in the middle of the poll");
            for (EventEnvelope envelope : List.of(e.get(3), e.get(4), e.get(3), e.get(7), e.get(8), e.get(9), e.get(9))) {
                publish(envelope);
            }
        } finally {
            live.resume();
        }

        awaitVersion(story.commitmentId(), 9);
        JsonNode expected = http().get("/api/v1/commitments/" + ordered.commitmentId() + "?on=2025-09-01").json();
        JsonNode actual = http().get("/api/v1/commitments/" + story.commitmentId() + "?on=2025-09-01").json();
        for (String field : List.of("status", "implementationProgress", "indicatorMeanProgress", "expectedProgress",
                "scheduleStatus", "milestonesTotal", "milestonesCompleted", "milestonesOverdue", "version")) {
            assertThat(actual.get(field)).as(field).isEqualTo(expected.get(field));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM held_event WHERE aggregate_id = ?").param(key)
                .query(Long.class).single()).isZero();
        JsonNode history = http().get("/api/v1/commitments/" + key + "/history").json();
        assertThat(history.get("events").findValues("sequence").stream().map(JsonNode::asLong).toList())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(http().get("/api/v1/commitments/" + key + "/integrity").json().get("valid").asBoolean()).isTrue();

        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        dead.add(r);
                    }
                });
                return !dead.isEmpty();
            });
        }
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo("{ a poison record in the middle of the poll");
            assertThat(new String(r.headers().lastHeader("kafka_dlt-exception-message").value()))
                    .contains("unreadable envelope");
        });
    }
}
