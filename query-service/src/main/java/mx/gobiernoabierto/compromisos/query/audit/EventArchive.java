package mx.gobiernoabierto.compromisos.query.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.query.commitment.projection.EventIdentity;

/**
 * Every event the service consumed, the envelope kept as it was received (the first copy of a sequence wins;
 * redeliveries add nothing), with the topic partition and offset it was read from. History, integrity and as-of
 * views read only from here, and a replay rebuilds from here: the archive, not the topic, is the query side's
 * complete history.
 */
@Component
public class EventArchive {

    private final JdbcClient jdbc;

    EventArchive(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One record as received.
     *
     * @param envelope  the record, read and checked
     * @param received  its text, kept as such
     * @param partition the topic partition it was read from
     * @param offset    its offset there
     */
    public record Received(EventEnvelope envelope, String received, int partition, long offset) {
    }

    /**
     * Keeps each envelope unless an event is already kept at its sequence (by an earlier record of the list, or
     * before), in the caller's transaction, with one statement for the list and one more if any was kept before.
     *
     * @return for each record, in order, the event id and hash kept at its sequence: its own, or those of the event
     *         kept before
     */
    public List<EventIdentity> keepAll(List<Received> records) {
        Map<Key, EventIdentity> kept = new HashMap<>();
        Map<Key, Received> first = new LinkedHashMap<>();
        for (Received record : records) {
            first.putIfAbsent(new Key(record.envelope().aggregateId(), record.envelope().sequence()), record);
        }
        int size = first.size();
        String[] ids = new String[size];
        Long[] sequences = new Long[size];
        String[] eventIds = new String[size];
        String[] hashes = new String[size];
        String[] aggregateTypes = new String[size];
        String[] types = new String[size];
        String[] occurredAt = new String[size];
        String[] envelopes = new String[size];
        Integer[] partitions = new Integer[size];
        Long[] offsets = new Long[size];
        int i = 0;
        for (Received record : first.values()) {
            EventEnvelope envelope = record.envelope();
            ids[i] = envelope.aggregateId();
            sequences[i] = envelope.sequence();
            eventIds[i] = envelope.eventId();
            hashes[i] = envelope.hash();
            aggregateTypes[i] = envelope.aggregateType();
            types[i] = envelope.type();
            occurredAt[i] = envelope.occurredAtInstant().toString();
            envelopes[i] = record.received();
            partitions[i] = record.partition();
            offsets[i] = record.offset();
            i++;
        }
        jdbc.sql("""
                        INSERT INTO event_archive (aggregate_id, sequence, event_id, hash, aggregate_type, type,
                            occurred_at, envelope, kafka_partition, kafka_offset)
                        SELECT * FROM unnest(?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::varchar[], ?::timestamptz[], ?::text[], ?::integer[], ?::bigint[])
                        ON CONFLICT (aggregate_id, sequence) DO NOTHING
                        RETURNING aggregate_id, sequence, event_id, hash""")
                .params(ids, sequences, eventIds, hashes, aggregateTypes, types, occurredAt, envelopes, partitions,
                        offsets)
                .query((row, n) -> kept.put(new Key(row.getString(1), row.getLong(2)),
                        new EventIdentity(row.getString(3), row.getString(4))))
                .list();
        if (kept.size() < size) {
            List<Key> before = first.keySet().stream().filter(key -> !kept.containsKey(key)).toList();
            jdbc.sql("""
                            SELECT aggregate_id, sequence, event_id, hash FROM event_archive
                            WHERE (aggregate_id, sequence) IN (SELECT * FROM unnest(?::varchar[], ?::bigint[]))""")
                    .params(before.stream().map(Key::aggregateId).toArray(String[]::new),
                            before.stream().map(Key::sequence).toArray(Long[]::new))
                    .query((row, n) -> kept.put(new Key(row.getString(1), row.getLong(2)),
                            new EventIdentity(row.getString(3), row.getString(4))))
                    .list();
        }
        return records.stream()
                .map(record -> kept.get(new Key(record.envelope().aggregateId(), record.envelope().sequence())))
                .toList();
    }

    private record Key(String aggregateId, long sequence) {
    }

    /**
     * Per partition of the topic, the offset after the last record archived from it; partitions nothing was archived
     * from (with an offset) are absent.
     */
    public Map<Integer, Long> endOffsets() {
        Map<Integer, Long> ends = new HashMap<>();
        jdbc.sql("SELECT kafka_partition, max(kafka_offset) + 1 FROM event_archive WHERE kafka_partition IS NOT NULL"
                        + " GROUP BY kafka_partition")
                .query((row, n) -> ends.put(row.getInt(1), row.getLong(2)))
                .list();
        return ends;
    }

    /**
     * The archived records after the given position in (aggregate, sequence) order, at most {@code limit}: a
     * rebuild pages through the whole archive with it.
     */
    public List<Kept> page(Kept.Position after, int limit) {
        return jdbc.sql("""
                        SELECT aggregate_id, sequence, event_id, hash, envelope FROM event_archive
                        WHERE (aggregate_id, sequence) > (?, ?) ORDER BY aggregate_id, sequence LIMIT ?""")
                .params(after.aggregateId(), after.sequence(), limit)
                .query((row, n) -> new Kept(new Kept.Position(row.getString(1), row.getLong(2)),
                        new EventIdentity(row.getString(3), row.getString(4)), row.getString(5)))
                .list();
    }

    /**
     * One archived record.
     *
     * @param envelope the envelope's text as it was received
     */
    public record Kept(Position position, EventIdentity identity, String envelope) {

        /** Where a record lies in the archive's order; {@link #START} lies before every record. */
        public record Position(String aggregateId, long sequence) {
            public static final Position START = new Position("", -1);
        }
    }

    /** The aggregate's events in sequence order, as far as they run without a gap from 0. */
    public List<EventEnvelope> stream(String aggregateId) {
        return contiguous(jdbc.sql("SELECT envelope FROM event_archive WHERE aggregate_id = ? ORDER BY sequence")
                .param(aggregateId).query(String.class).list());
    }

    /** The aggregate's events that occurred at or before the instant, in sequence order, without a gap from 0. */
    public List<EventEnvelope> streamUntil(String aggregateId, Instant asOf) {
        return streamUntil(aggregateId, asOf, 0);
    }

    /**
     * The aggregate's events from the sequence on that occurred at or before the instant, in sequence order, as far
     * as they run without a gap from that sequence.
     */
    public List<EventEnvelope> streamUntil(String aggregateId, Instant asOf, long fromSequence) {
        return contiguous(jdbc.sql("""
                        SELECT envelope FROM event_archive WHERE aggregate_id = ? AND sequence >= ? AND occurred_at <= ?
                        ORDER BY sequence""")
                .params(aggregateId, fromSequence, Timestamp.from(asOf)).query(String.class).list(), fromSequence);
    }

    /** The lowest sequence of the aggregate's events that occurred after the instant, if any did. */
    public OptionalLong firstAfter(String aggregateId, Instant instant) {
        return jdbc.sql("SELECT min(sequence) FROM event_archive WHERE aggregate_id = ? AND occurred_at > ?")
                .params(aggregateId, Timestamp.from(instant))
                .query((row, n) -> {
                    long sequence = row.getLong(1);
                    return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(sequence);
                })
                .single();
    }

    /** Every archived envelope in the order received, for a rebuild check. */
    public long count() {
        return jdbc.sql("SELECT count(*) FROM event_archive").query(Long.class).single();
    }

    private static List<EventEnvelope> contiguous(List<String> envelopes) {
        return contiguous(envelopes, 0);
    }

    private static List<EventEnvelope> contiguous(List<String> envelopes, long from) {
        List<EventEnvelope> stream = new ArrayList<>();
        for (String text : envelopes) {
            EventEnvelope envelope = EventEnvelope.fromJson(text);
            if (envelope.sequence() != from + stream.size()) {
                break;
            }
            stream.add(envelope);
        }
        return stream;
    }
}
