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
class CheckpointFeed {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointFeed.class);

    private final JdbcClient jdbc;

    CheckpointFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored checkpoint. */
    record Kept(String origin, long treeSize, String rootHash, String note, Instant publishedAt, Instant receivedAt) {
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
    List<Kept> page(int page, int size) {
        return jdbc.sql("""
                        SELECT origin, tree_size, root_hash, note, published_at, received_at FROM log_checkpoint
                        ORDER BY id DESC LIMIT ? OFFSET ?""")
                .params(size, (long) page * size)
                .query((row, n) -> new Kept(row.getString(1), row.getLong(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant(), row.getTimestamp(6).toInstant()))
                .list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM log_checkpoint").query(Long.class).single();
    }

    Optional<String> latestNote() {
        return jdbc.sql("SELECT note FROM log_checkpoint ORDER BY id DESC LIMIT 1").query(String.class).optional();
    }
}
