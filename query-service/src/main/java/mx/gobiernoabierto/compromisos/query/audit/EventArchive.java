package mx.gobiernoabierto.compromisos.query.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;

/**
 * Every event the service consumed, the envelope kept as it was received (the first copy of a sequence wins;
 * redeliveries add nothing). History, integrity and as-of views read only from here.
 */
@Component
public class EventArchive {

    private final JdbcClient jdbc;

    EventArchive(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void keep(EventEnvelope envelope, String received) {
        jdbc.sql("""
                        INSERT INTO event_archive (aggregate_id, sequence, event_id, aggregate_type, type, occurred_at, envelope)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (aggregate_id, sequence) DO NOTHING""")
                .params(envelope.aggregateId(), envelope.sequence(), envelope.eventId(), envelope.aggregateType(),
                        envelope.type(), Timestamp.from(envelope.occurredAtInstant()), received)
                .update();
    }

    /** The aggregate's events in sequence order, as far as they run without a gap from 0. */
    public List<EventEnvelope> stream(String aggregateId) {
        return contiguous(jdbc.sql("SELECT envelope FROM event_archive WHERE aggregate_id = ? ORDER BY sequence")
                .param(aggregateId).query(String.class).list());
    }

    /** The aggregate's events that occurred at or before the instant, in sequence order, without a gap from 0. */
    public List<EventEnvelope> streamUntil(String aggregateId, Instant asOf) {
        return contiguous(jdbc.sql("""
                        SELECT envelope FROM event_archive WHERE aggregate_id = ? AND occurred_at <= ?
                        ORDER BY sequence""")
                .params(aggregateId, Timestamp.from(asOf)).query(String.class).list());
    }

    /** Every archived envelope in the order received, for a rebuild check. */
    public long count() {
        return jdbc.sql("SELECT count(*) FROM event_archive").query(Long.class).single();
    }

    private static List<EventEnvelope> contiguous(List<String> envelopes) {
        List<EventEnvelope> stream = new ArrayList<>();
        for (String text : envelopes) {
            EventEnvelope envelope = EventEnvelope.fromJson(text);
            if (envelope.sequence() != stream.size()) {
                break;
            }
            stream.add(envelope);
        }
        return stream;
    }
}
