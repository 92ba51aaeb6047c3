package mx.gobiernoabierto.compromisos.command.transparency;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import mx.gobiernoabierto.compromisos.events.log.Checkpoint;

/**
 * Signs a checkpoint of the tree whenever it has changed since the last one (every
 * {@code compromisos.log.checkpoint-interval}, at most a minute), keeps every checkpoint, and publishes each on the
 * checkpoint topic, in order, until Kafka has acknowledged it (a failed send is retried at the next tick).
 */
@Component
class Checkpoints {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

    private final TreeStore tree;
    private final SigningKey key;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, String> kafka;
    private final String topic;

    Checkpoints(TreeStore tree, SigningKey key, JdbcClient jdbc, TransactionTemplate transaction,
                KafkaTemplate<String, String> kafka, LogProperties properties) {
        this.tree = tree;
        this.key = key;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.topic = properties.checkpointTopic();
    }

    /** A stored checkpoint: the signed note and what it says. */
    record Stored(long id, long treeSize, byte[] rootHash, String note) {
    }

    @Scheduled(fixedDelayString = "${compromisos.log.checkpoint-interval:30s}", initialDelayString = "1s")
    void tick() {
        try {
            signIfChanged();
            publishPending();
        } catch (RuntimeException e) {
            LOG.warn("Checkpoint not signed or published this time; trying again at the next tick: {}", e.toString());
        }
    }

    /** Signs and keeps a checkpoint of the current tree unless the latest one already says the same. */
    synchronized Stored signIfChanged() {
        return transaction.execute(status -> {
            long size = tree.size();
            byte[] root = tree.root(size);
            Optional<Stored> latest = latest();
            if (latest.isPresent() && latest.get().treeSize() == size && Arrays.equals(latest.get().rootHash(), root)) {
                return latest.get();
            }
            if (latest.isPresent() && size < latest.get().treeSize()) {
                // the tree is being rebuilt from the event store: a smaller checkpoint now would read as a truncation
                LOG.info("The log has {} leaves, fewer than the {} of its latest checkpoint: waiting for the rebuild",
                        size, latest.get().treeSize());
                return latest.get();
            }
            String note = key.sign(new Checkpoint(key.origin(), size, root).body());
            long id = jdbc.sql("INSERT INTO log_checkpoint (tree_size, root_hash, note) VALUES (?, ?, ?) RETURNING id")
                    .params(size, root, note).query(Long.class).single();
            return new Stored(id, size, root, note);
        });
    }

    /** The latest checkpoint signed, if any. */
    Optional<Stored> latest() {
        return jdbc.sql("SELECT id, tree_size, root_hash, note FROM log_checkpoint ORDER BY id DESC LIMIT 1")
                .query((row, n) -> new Stored(row.getLong(1), row.getLong(2), row.getBytes(3), row.getString(4)))
                .optional();
    }

    /** The latest checkpoint, signing the first one if none was signed yet. */
    Stored latestOrSign() {
        return latest().orElseGet(this::signIfChanged);
    }

    /** Sends every checkpoint Kafka has not acknowledged yet, oldest first, and marks each once acknowledged. */
    synchronized void publishPending() {
        List<Stored> pending = jdbc.sql("""
                        SELECT id, tree_size, root_hash, note FROM log_checkpoint WHERE NOT published ORDER BY id""")
                .query((row, n) -> new Stored(row.getLong(1), row.getLong(2), row.getBytes(3), row.getString(4)))
                .list();
        for (Stored checkpoint : pending) {
            try {
                kafka.send(topic, key.origin(), checkpoint.note()).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("Checkpoint of size {} not acknowledged by Kafka; sent again at the next tick: {}",
                        checkpoint.treeSize(), e.toString());
                return;
            }
            jdbc.sql("UPDATE log_checkpoint SET published = true WHERE id = ?").param(checkpoint.id()).update();
        }
    }
}
