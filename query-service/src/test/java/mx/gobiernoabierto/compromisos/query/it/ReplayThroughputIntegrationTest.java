package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import mx.gobiernoabierto.compromisos.events.CommitmentDrafted;
import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.MilestonePlanned;
import mx.gobiernoabierto.compromisos.events.MilestoneProgressLogged;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.query.audit.EventArchive;
import mx.gobiernoabierto.compromisos.query.replay.Replay;

/**
 * A focused measurement of the replay, without the whole benchmark: archives {@code -Dcompromisos.replay.events=N}
 * generated events (commitments of 100, as the benchmark's) and replays them, printing events/s. Runs only when the
 * property is given: {@code ./mvnw -pl query-service -am test -Dtest=ReplayThroughputIntegrationTest
 * -Dcompromisos.replay.events=100000 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "compromisos.replay.events", matches = "\\d+")
class ReplayThroughputIntegrationTest extends QueryIntegrationTest {

    private static final int PER_COMMITMENT = 100;

    @Autowired
    EventArchive archive;

    @Autowired
    Replay replay;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate batchInserts;

    @Test
    void replaysTheArchiveAndPrintsEventsPerSecond() {
        int events = Integer.parseInt(System.getProperty("compromisos.replay.events"));
        long before = archive.count();
        String planId = UUID.randomUUID().toString();
        List<EventEnvelope> batch = new ArrayList<>();
        String last = null;
        for (int made = 0; made < events; made += PER_COMMITMENT) {
            last = UUID.randomUUID().toString();
            batch.addAll(commitment(planId, last));
            if (batch.size() >= 1000) {
                keep(batch);
            }
        }
        keep(batch);

        Replay.Report report = replay.run(false);

        System.out.printf("replay: %d records in %d ms = %.0f events/s (load average %s)%n", report.records(),
                report.millis(), report.records() * 1000.0 / report.millis(),
                String.join(" ", List.of(readLoadAverage())));
        assertThat(report.records()).isEqualTo(before + events);
        assertThat(report.applied()).isEqualTo(report.records());
        assertThat(jdbc.sql("SELECT version FROM rebuild_commitment_view WHERE commitment_id = ?").param(last)
                .query(Long.class).single()).isEqualTo(PER_COMMITMENT - 1);
    }

    /** Archived with plain SQL, so that the same measurement runs against versions before the batch archive. */
    private void keep(List<EventEnvelope> batch) {
        transactions.executeWithoutResult(tx -> batchInserts.batchUpdate("""
                INSERT INTO event_archive (aggregate_id, sequence, event_id, hash, aggregate_type, type, occurred_at,
                    envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", batch.stream().map(e -> new Object[] {e.aggregateId(),
                e.sequence(), e.eventId(), e.hash(), e.aggregateType(), e.type(),
                java.sql.Timestamp.from(e.occurredAtInstant()), e.toJson()}).toList()));
        batch.clear();
    }

    private static List<EventEnvelope> commitment(String planId, String id) {
        List<EventEnvelope> records = new ArrayList<>();
        String prev = HashChain.GENESIS;
        String milestone = UUID.randomUUID().toString();
        for (int sequence = 0; sequence < PER_COMMITMENT; sequence++) {
            DomainEvent event = switch (sequence) {
                case 0 -> new CommitmentDrafted(id, planId, "stl-bench", "GEN-" + id.substring(0, 8), "Compromiso",
                        "Problema", "Objetivo", List.of("Institución"), List.of("Organización"),
                        List.of(OgpValue.TRANSPARENCY), List.of("16.6"), LocalDate.of(2020, 1, 1),
                        LocalDate.of(2035, 12, 31));
                case 1 -> new MilestonePlanned(id, milestone, "Hito", "d", LocalDate.of(2030, 1, 1), "r", BigDecimal.ONE);
                default -> new MilestoneProgressLogged(id, milestone, sequence % 101, "Avance", List.of(),
                        LocalDate.of(2025, 1, 1));
            };
            EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID().toString(), event, sequence, Instant.now(),
                    "usr-bench-generator", UUID.randomUUID().toString(), prev);
            prev = envelope.hash();
            records.add(envelope);
        }
        return records;
    }

    private static String readLoadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
