package mx.gobiernoabierto.compromisos.query.transparency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.log.Checkpoint;
import mx.gobiernoabierto.compromisos.events.log.SignedNote;

/**
 * Keeps every checkpoint the command service publishes: the checkpoint topic has one partition, so they arrive in
 * signing order. The signature is not checked here (this service holds no key; whoever reads the feed checks it
 * with the published key), but a record that is not a signed checkpoint note is logged and left out.
 */
@Component
public class CheckpointFeed {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointFeed.class);

    private final JdbcClient jdbc;

    CheckpointFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored checkpoint. */
    public record Kept(String origin, long treeSize, String rootHash, String note, Instant publishedAt, Instant receivedAt) {
    }

    @KafkaListener(id = "checkpoints", groupId = "${spring.kafka.consumer.group-id:query-service}-checkpoints",
            topics = "${compromisos.query.log.checkpoint-topic:compromisos.checkpoints}")
    void receive(ConsumerRecord<String, String> record) {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(SignedNote.parse(record.value()).text());
        } catch (RuntimeException e) {
            LOG.warn("Record {}-{}@{} on the checkpoint topic is not a signed checkpoint and is not kept: {}",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        jdbc.sql("""
                        INSERT INTO log_checkpoint (origin, tree_size, root_hash, note, published_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (note) DO NOTHING""")
                .params(checkpoint.origin(), checkpoint.size(), checkpoint.rootBase64(), record.value(),
                        Timestamp.from(Instant.ofEpochMilli(record.timestamp())))
                .update();
    }

    /** Newest first. */
    public List<Kept> page(int page, int size) {
        return jdbc.sql("""
                        SELECT origin, tree_size, root_hash, note, published_at, received_at FROM log_checkpoint
                        ORDER BY id DESC LIMIT ? OFFSET ?""")
                .params(size, (long) page * size)
                .query((row, n) -> new Kept(row.getString(1), row.getLong(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant(), row.getTimestamp(6).toInstant()))
                .list();
    }

    /**
     * The newest checkpoint that can cover an event which occurred at {@code occurredAt}, if one was kept yet: the
     * newest published at or after that instant.
     * <p>
     * This service does not know an event's leaf index (the log numbers leaves in the order it takes events from
     * the event store; neither the event nor the checkpoint carries that position), so coverage is decided by time,
     * and the decision settles by itself: the log appends each event moments after it is stored and a checkpoint
     * signs the whole tree as it stands, so a checkpoint signed after the append holds the event; and the append
     * changes the tree, so if the checkpoint signed in between missed it, the next tick signs a newer one that holds
     * it. (Asking for a checkpoint published some margin after the event would not be safer: on a quiet log the
     * first checkpoint after the event may be the last one signed for a long time, and the page would say "none yet"
     * for as long.) The page does not take this on trust: the reader's browser asks the command service for the
     * inclusion proof at that tree size and says so if there is none. The newest rather than the first such
     * checkpoint, as the one witnesses most likely hold.
     */
    public Optional<Kept> newestCovering(Instant occurredAt) {
        return jdbc.sql("""
                        SELECT origin, tree_size, root_hash, note, published_at, received_at FROM log_checkpoint
                        WHERE published_at >= ? ORDER BY id DESC LIMIT 1""")
                .param(Timestamp.from(occurredAt))
                .query((row, n) -> new Kept(row.getString(1), row.getLong(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant(), row.getTimestamp(6).toInstant()))
                .optional();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM log_checkpoint").query(Long.class).single();
    }

    Optional<String> latestNote() {
        return jdbc.sql("SELECT note FROM log_checkpoint ORDER BY id DESC LIMIT 1").query(String.class).optional();
    }
}
