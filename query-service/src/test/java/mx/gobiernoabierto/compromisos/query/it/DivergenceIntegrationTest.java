package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.ImplementationStarted;
import mx.gobiernoabierto.compromisos.events.MilestoneProgressLogged;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.query.commitment.projection.Divergences;

/**
 * The command side never publishes two events at one sequence (with durable commits it cannot); these tests play a
 * command side that did, and one that merely published an event again.
 */
class DivergenceIntegrationTest extends QueryIntegrationTest {

    private static final Instant START = Instant.parse("2024-09-01T15:00:00.000Z");

    @Autowired
    MeterRegistry meters;

    @Test
    void anotherEventAtAnAppliedSequenceHoldsTheCommitmentRaisesTheAlarmAndIntegritySaysWhere() {
        Streams.Story story = Streams.Story.create();
        List<EventEnvelope> chain = Streams.chain(START, story.events().toArray(DomainEvent[]::new));
        chain.forEach(QueryIntegrationTest::publish);
        awaitVersion(story.commitmentId(), 9);
        double alarmsBefore = divergencesDetected();
        double divergentRecordsBefore = outcome("divergent");
        EventEnvelope kept = chain.get(5);
        EventEnvelope forged = EventEnvelope.of(UUID.randomUUID().toString(),
                new ImplementationStarted(story.commitmentId(), LocalDate.of(2024, 3, 1)), 5,
                START.plusSeconds(5 * 60 + 7), "intruso", "corr-forged", chain.get(4).hash());
        EventEnvelope next = EventEnvelope.of(UUID.randomUUID().toString(), new MilestoneProgressLogged(
                        story.commitmentId(), story.m2(), 80, "Avance", List.of(), LocalDate.of(2024, 10, 1)), 10,
                START.plusSeconds(10 * 60), "ana.lopez", "corr-10", chain.get(9).hash());

        JsonNode integrity;
        try (LogCapture log = new LogCapture(Divergences.class)) {
            publish(forged);
            publish(next);
            publish(forged); // delivered again: kept and counted once
            await().atMost(Duration.ofSeconds(30)).until(() -> outcome("divergent") >= divergentRecordsBefore + 2
                    && history(story.commitmentId()).size() == 11);

            assertThat(log.messages(Level.ERROR)).singleElement().satisfies(line -> assertThat(line).contains(
                    story.commitmentId(), "sequence 5", kept.eventId(), kept.hash(), forged.eventId(), forged.hash(),
                    "held at version 9"));
        }

        // held: the event after the divergence was archived but not applied
        assertThat(http().get("/api/v1/commitments/" + story.commitmentId()).json().get("version").asLong()).isEqualTo(9);
        assertThat(http().get("/api/v1/commitments/" + story.commitmentId() + "?minVersion=10").status()).isEqualTo(503);
        // the alarm
        assertThat(divergencesDetected()).isEqualTo(alarmsBefore + 1);
        assertThat(meters.get("compromisos.projection.divergent").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(http().get("/actuator/prometheus").text())
                .contains("compromisos_projection_divergent{", "compromisos_projection_divergences_total{");
        // the auditor's answer: which sequence disagrees with what; the archive keeps the first event
        integrity = http().get("/api/v1/commitments/" + story.commitmentId() + "/integrity").json();
        assertThat(integrity.get("valid").asBoolean()).isFalse();
        assertThat(integrity.get("firstInvalidSequence").asLong()).isEqualTo(5);
        assertThat(integrity.get("events").asInt()).isEqualTo(11);
        assertThat(integrity.get("divergent").asBoolean()).isTrue();
        assertThat(integrity.get("heldAtVersion").asLong()).isEqualTo(9);
        assertThat(integrity.get("divergences")).hasSize(1);
        JsonNode divergence = integrity.get("divergences").get(0);
        assertThat(divergence.get("sequence").asLong()).isEqualTo(5);
        assertThat(divergence.get("storedEventId").asString()).isEqualTo(kept.eventId());
        assertThat(divergence.get("storedHash").asString()).isEqualTo(kept.hash());
        assertThat(divergence.get("receivedEventId").asString()).isEqualTo(forged.eventId());
        assertThat(divergence.get("receivedHash").asString()).isEqualTo(forged.hash());
        assertThat(divergence.get("resolvedAt").isNull()).isTrue();
        assertThat(history(story.commitmentId()).get(5).get("hash").asString()).isEqualTo(kept.hash());
        assertThat(jdbc.sql("SELECT received_envelope FROM projection_divergence WHERE aggregate_id = ?")
                .param(story.commitmentId()).query(String.class).single()).contains(forged.eventId(), "intruso");

        // a rebuild reproduces the hold rather than papering over it: the archived event after it stays unapplied
        Http.Reply replay = http().as("admin", "demo-admin").post("/api/v1/admin/replay");
        assertThat(replay.status()).as(replay.text()).isEqualTo(200);
        assertThat(replay.json().get("differences").findValuesAsString("id")).doesNotContain(story.commitmentId());
        assertThat(replay.json().get("blocked").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(http().get("/api/v1/commitments/" + story.commitmentId()).json().get("version").asLong()).isEqualTo(9);
    }

    @Test
    void theSameEventDeliveredAgainIsSkippedSilently() {
        Streams.Story story = Streams.Story.create();
        List<EventEnvelope> chain = Streams.chain(START, story.events().toArray(DomainEvent[]::new));
        chain.forEach(QueryIntegrationTest::publish);
        awaitVersion(story.commitmentId(), 9);
        double skippedBefore = outcome("skipped");
        double alarmsBefore = divergencesDetected();
        EventEnvelope next = EventEnvelope.of(UUID.randomUUID().toString(), new MilestoneProgressLogged(
                        story.commitmentId(), story.m2(), 80, "Avance", List.of(), LocalDate.of(2024, 10, 1)), 10,
                START.plusSeconds(10 * 60), "ana.lopez", "corr-10", chain.get(9).hash());

        try (LogCapture log = new LogCapture(Divergences.class)) {
            publish(chain.get(3));
            publish(chain.get(9));
            publish(next);
            JsonNode view = awaitVersion(story.commitmentId(), 10);

            assertThat(view.get("milestones").get(1).get("progress").decimalValue()).isEqualByComparingTo(new BigDecimal("80"));
            assertThat(outcome("skipped")).isGreaterThanOrEqualTo(skippedBefore + 2);
            assertThat(log.messages(Level.ERROR)).noneMatch(line -> line.contains(story.commitmentId()));
        }
        assertThat(divergencesDetected()).isEqualTo(alarmsBefore);
        JsonNode integrity = http().get("/api/v1/commitments/" + story.commitmentId() + "/integrity").json();
        assertThat(integrity.get("valid").asBoolean()).isTrue();
        assertThat(integrity.get("firstInvalidSequence").isNull()).isTrue();
        assertThat(integrity.get("divergent").asBoolean()).isFalse();
        assertThat(integrity.get("divergences")).isEmpty();
    }

    private JsonNode history(String commitmentId) {
        Http.Reply reply = http().get("/api/v1/commitments/" + commitmentId + "/history");
        return reply.status() == 200 ? reply.json().get("events") : tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }

    private double divergencesDetected() {
        return meters.get("compromisos.projection.divergences").counter().count();
    }

    private double outcome(String outcome) {
        var counter = meters.find("compromisos.projection.events").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
