package mx.gobiernoabierto.compromisos.command.it;

import static mx.gobiernoabierto.compromisos.command.it.Api.body;
import static mx.gobiernoabierto.compromisos.command.it.Scenario.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;

class PublisherRecoveryIntegrationTest extends IntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void stoppingThePublisherMidStreamAndStartingItAgainLosesAndReordersNothing() {
        StreamingEventProcessor publisher = processing
                .eventProcessor("kafka-publisher", StreamingEventProcessor.class).orElseThrow();
        Api api = api();
        publisher.shutDown();
        Set<String> commitments = new HashSet<>();
        Map<String, Long> lastVersion = new java.util.HashMap<>();
        long started = System.nanoTime();
        int commands = 0;
        for (int i = 0; i < 10; i++) {
            Scenario scenario = new Scenario(api).inImplementation();
            commands += 7;
            for (int percent = 5; percent <= 50; percent += 5) {
                Api.Reply reply = scenario.ok(api.post(scenario.path("/milestones/" + scenario.milestoneId + "/progress"),
                        body("percent", percent, "reportedOn", TODAY.toString())));
                lastVersion.put(scenario.commitmentId, reply.json().get("version").asLong());
                commands++;
            }
            commitments.add(scenario.commitmentId);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("publisher-recovery: %d commands over HTTP in %.2f s (%.0f commands/s, one client)%n",
                commands, seconds, commands / seconds);

        long headBefore = jdbc.sql("SELECT min(globalindex) - 1 FROM domainevententry WHERE aggregateidentifier IN (:ids)")
                .param("ids", commitments).query(Long.class).single();
        publisher.start();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1)).pollDelay(Duration.ZERO)
                .until(() -> position(publisher) > headBefore + 20);
        long stoppedAt = position(publisher) - headBefore;
        publisher.shutDown();
        publisher.start();

        List<EventEnvelope> all;
        try (TopicReader reader = new TopicReader(TOPIC, commitments)) {
            all = await().atMost(Duration.ofSeconds(60)).until(reader::poll, envelopes -> coversEverything(envelopes, lastVersion));
        }
        System.out.printf("publisher-recovery: stopped after %d of the events, then %d envelopes read, %d expected%n",
                stoppedAt, all.size(), lastVersion.values().stream().mapToLong(v -> v + 1).sum());
        Map<String, List<Long>> sequences = all.stream().collect(Collectors.groupingBy(EventEnvelope::aggregateId,
                Collectors.mapping(EventEnvelope::sequence, Collectors.toList())));
        sequences.forEach((commitmentId, seen) -> {
            List<Long> firstSeen = new ArrayList<>(new java.util.LinkedHashSet<>(seen));
            assertThat(firstSeen).as("first appearance of each event of %s, in topic order", commitmentId)
                    .isSorted()
                    .hasSize((int) (lastVersion.get(commitmentId) + 1));
            assertThat(firstSeen.getFirst()).isZero();
            assertThat(all.stream().filter(e -> e.aggregateId().equals(commitmentId)))
                    .allSatisfy(envelope -> assertThat(envelope.hashMatches()).isTrue());
        });
    }

    private static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(status -> status.getCurrentPosition().orElse(-1))
                .max(Long::compare).orElse(-1L);
    }

    private static boolean coversEverything(List<EventEnvelope> envelopes, Map<String, Long> lastVersion) {
        Map<String, Set<Long>> seen = envelopes.stream().collect(Collectors.groupingBy(EventEnvelope::aggregateId,
                Collectors.mapping(EventEnvelope::sequence, Collectors.toSet())));
        return lastVersion.entrySet().stream().allMatch(entry ->
                seen.getOrDefault(entry.getKey(), Set.of()).size() == entry.getValue() + 1);
    }
}
