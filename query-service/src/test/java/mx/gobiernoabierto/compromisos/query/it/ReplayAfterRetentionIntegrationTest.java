package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;

/**
 * Retention deletes a topic's oldest records by advancing its log start offset; {@code deleteRecords} does the same
 * here, to every record the topic held. A replay must still rebuild every view, from the service's archive.
 */
class ReplayAfterRetentionIntegrationTest extends QueryIntegrationTest {

    private static final Instant START = Instant.parse("2024-09-01T15:00:00.000Z");

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aReplayRebuildsEveryViewAfterTheTopicsOldestRecordsWereDeletedAndSwitchesOverToCompleteViews() throws Exception {
        Streams.Story first = published();
        Streams.Story second = published();
        String firstView = view(first);
        String secondView = view(second);

        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            Map<TopicPartition, Long> end = offsets(admin, OffsetSpec.latest());
            // only once the live consumer has committed past them: it must not be the one to lose them
            await().atMost(Duration.ofSeconds(60)).until(() -> committedPast(admin, end));
            admin.deleteRecords(end.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> RecordsToDelete.beforeOffset(e.getValue())))).all().get();
            assertThat(offsets(admin, OffsetSpec.earliest())).as("log start offsets").isEqualTo(end);
            assertThat(end.values().stream().mapToLong(Long::longValue).sum()).as("records deleted").isGreaterThanOrEqualTo(22);
        }

        JsonNode dryRun = replay(false);

        assertThat(dryRun.get("equal").asBoolean()).as(dryRun.toString()).isTrue();
        assertThat(dryRun.get("uncovered")).isEmpty();
        assertThat(dryRun.get("fromArchive").asLong()).isGreaterThanOrEqualTo(22);
        assertThat(dryRun.get("applied").asLong()).isGreaterThanOrEqualTo(22);

        // what came after the archive's end comes from the topic: while the live consumer is paused, a third
        // commitment reaches only the topic
        MessageListenerContainer live = listeners.getListenerContainer("projections");
        live.pause();
        await().atMost(Duration.ofSeconds(30)).until(live::isContainerPaused);
        Streams.Story third = Streams.Story.create();
        publish(Streams.chain(START, third.plan()).getFirst());
        Streams.chain(START, third.events().toArray(DomainEvent[]::new)).forEach(QueryIntegrationTest::publish);

        JsonNode ahead = replay(false);
        assertThat(ahead.get("fromTopic").asLong()).isGreaterThanOrEqualTo(11);
        assertThat(ahead.get("differences").findValuesAsString("id"))
                .containsExactlyInAnyOrder(third.commitmentId(), third.planId());
        assertThat(ahead.get("differences").findValuesAsString("reason")).allMatch(r -> r.equals("only in the rebuilt views"));

        JsonNode switched = replay(true); // resumes the live consumer when done

        assertThat(switched.get("switchedOver").asBoolean()).isTrue();
        assertThat(view(first)).isEqualTo(firstView);
        assertThat(view(second)).isEqualTo(secondView);
        JsonNode thirdView = http().get("/api/v1/commitments/" + third.commitmentId() + "?on=2024-10-01").json();
        assertThat(thirdView.get("version").asLong()).isEqualTo(9);
        assertThat(thirdView.get("implementationProgress").decimalValue()).isEqualByComparingTo("55.0");
        assertThat(http().get("/api/v1/plans/" + third.planId() + "/progress").status()).isEqualTo(200);
        assertThat(http().get("/api/v1/commitments/" + third.commitmentId() + "/integrity").json().get("valid").asBoolean())
                .isTrue();
        assertThat(live.isContainerPaused()).isFalse();
        // the live consumer, resumed, meets the third commitment's records again and proves them duplicates
        JsonNode after = await().atMost(Duration.ofSeconds(30)).until(() -> replay(false), r -> r.get("equal").asBoolean());
        assertThat(after.get("uncovered")).isEmpty();
    }

    private Streams.Story published() {
        Streams.Story story = Streams.Story.create();
        publish(Streams.chain(START, story.plan()).getFirst());
        Streams.chain(START, story.events().toArray(DomainEvent[]::new)).forEach(QueryIntegrationTest::publish);
        awaitVersion(story.commitmentId(), 9);
        return story;
    }

    private String view(Streams.Story story) {
        return http().get("/api/v1/commitments/" + story.commitmentId() + "?on=2024-10-01").text();
    }

    private static Map<TopicPartition, Long> offsets(AdminClient admin, OffsetSpec spec) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC)
                .partitions().stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                : admin.listOffsets(request).all().get().entrySet()) {
            offsets.put(e.getKey(), e.getValue().offset());
        }
        return offsets;
    }

    private static boolean committedPast(AdminClient admin, Map<TopicPartition, Long> end) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("query-service")
                .partitionsToOffsetAndMetadata().get();
        return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
    }

    private JsonNode replay(boolean switchOver) {
        Http.Reply reply = http().as("admin", "demo-admin").post("/api/v1/admin/replay?switchOver=" + switchOver);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }
}
