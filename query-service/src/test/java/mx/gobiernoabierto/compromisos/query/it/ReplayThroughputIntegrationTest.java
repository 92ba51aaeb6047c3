package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

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
            batch.addAll(Streams.progressLog(planId, last, PER_COMMITMENT, sequence -> Instant.now()));
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

    private static String readLoadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
