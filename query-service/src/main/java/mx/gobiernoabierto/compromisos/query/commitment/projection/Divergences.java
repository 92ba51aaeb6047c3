package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;

/**
 * Records that arrived at a sequence where another event is already kept, and the hold they put on their aggregate.
 * The record is readable, so it is kept here for the auditor rather than sent to the dead-letter topic; while one of
 * an aggregate's rows is unresolved, nothing after its {@code held_after_sequence} is applied to that aggregate, in
 * the live views or in a rebuild (so a replay reproduces the hold instead of papering over it).
 */
@Component
public class Divergences {

    private static final Logger LOG = LoggerFactory.getLogger(Divergences.class);

    private final JdbcClient jdbc;
    private final Counter detected;

    Divergences(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.detected = Counter.builder("compromisos.projection.divergences")
                .description("Records found to differ from the event kept at their sequence (each kept once)")
                .register(meters);
        Gauge.builder("compromisos.projection.divergent", this::heldAggregates)
                .description("Aggregates held because two different events arrived at one sequence: an alarm")
                .register(meters);
    }

    /** Of those of the aggregates that are held, the last sequence that may still be applied to each. */
    Map<String, Long> heldAfter(Collection<String> aggregateIds) {
        Map<String, Long> held = new HashMap<>();
        jdbc.sql("SELECT aggregate_id, min(held_after_sequence) FROM projection_divergence"
                        + " WHERE aggregate_id = ANY(?) AND resolved_at IS NULL GROUP BY aggregate_id")
                .param(aggregateIds.toArray(String[]::new))
                .query((row, n) -> held.put(row.getString(1), row.getLong(2)))
                .list();
        return held;
    }

    /**
     * Keeps the divergent record (once, however often it is delivered), raises the alarm and logs it.
     *
     * @param heldAfter the last sequence that may still be applied to the aggregate
     * @return {@code true} if the record was kept now, {@code false} if it had been kept before
     */
    boolean record(EventEnvelope received, String receivedText, EventIdentity kept, long heldAfter) {
        int inserted = jdbc.sql("""
                        INSERT INTO projection_divergence (aggregate_id, sequence, stored_event_id, stored_hash,
                            received_event_id, received_hash, received_envelope, held_after_sequence)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(received.aggregateId(), received.sequence(), kept.eventId(), kept.hash(), received.eventId(),
                        received.hash(), receivedText, heldAfter)
                .update();
        if (inserted == 0) {
            LOG.debug("Divergent record of {} at sequence {} delivered again", received.aggregateId(), received.sequence());
            return false;
        }
        detected.increment();
        LOG.error("DIVERGENT EVENT: {} {} at sequence {}: the archive keeps event {} (hash {}) there, but event {} "
                        + "(hash {}) arrived. The two services disagree on its history; its views are held at version {} "
                        + "and nothing further is applied to it until an auditor resolves the row kept in "
                        + "projection_divergence.", received.aggregateType(), received.aggregateId(), received.sequence(),
                kept.eventId(), kept.hash(), received.eventId(), received.hash(), heldAfter);
        return true;
    }

    /** Every divergence recorded for the aggregate, resolved or not, by sequence. */
    public List<Divergence> of(String aggregateId) {
        return jdbc.sql("""
                        SELECT sequence, stored_event_id, stored_hash, received_event_id, received_hash,
                               held_after_sequence, detected_at, resolved_at
                        FROM projection_divergence WHERE aggregate_id = ? ORDER BY sequence, id""")
                .param(aggregateId)
                .query((row, n) -> new Divergence(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getLong(6), instant(row.getTimestamp(7)), instant(row.getTimestamp(8))))
                .list();
    }

    /** Aggregates held by an unresolved divergence. */
    public long heldAggregates() {
        return jdbc.sql("SELECT count(DISTINCT aggregate_id) FROM projection_divergence WHERE resolved_at IS NULL")
                .query(Long.class).single();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * One record that disagreed with the event kept at its sequence.
     *
     * @param heldAfterSequence the aggregate's views stop at this version while the divergence is unresolved
     * @param resolvedAt        when an operator resolved it, {@code null} while it holds the aggregate
     */
    public record Divergence(long sequence, String storedEventId, String storedHash, String receivedEventId,
                             String receivedHash, long heldAfterSequence, Instant detectedAt, Instant resolvedAt) {
    }
}
