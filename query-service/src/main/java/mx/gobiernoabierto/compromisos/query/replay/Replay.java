package mx.gobiernoabierto.compromisos.query.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.events.wire.EventJson;
import mx.gobiernoabierto.compromisos.query.commitment.projection.Envelopes;
import mx.gobiernoabierto.compromisos.query.commitment.projection.PoisonMessageException;
import mx.gobiernoabierto.compromisos.query.commitment.projection.Projector;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewTables;
import mx.gobiernoabierto.compromisos.query.config.QueryProperties;

/**
 * Rebuilds every view from the beginning of the topic into fresh tables while the live views keep serving,
 * compares the two, and on request switches over. The same projector (and so the same folds) as the live
 * consumer does the work; only the tables differ.
 */
@Service
public class Replay {

    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    private static final String LIVE_LISTENER = "projections";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Projector projector;
    private final KafkaProperties kafka;
    private final QueryProperties properties;
    private final KafkaListenerEndpointRegistry listeners;
    private final ReentrantLock running = new ReentrantLock();

    Replay(JdbcClient jdbc, TransactionTemplate transactions, Projector projector, KafkaProperties kafka,
           QueryProperties properties, KafkaListenerEndpointRegistry listeners) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.projector = projector;
        this.kafka = kafka;
        this.properties = properties;
        this.listeners = listeners;
    }

    /**
     * Rebuilds, compares and, if asked, switches over.
     *
     * @throws IllegalStateException if a replay is already running
     */
    public Report run(boolean switchOver) {
        if (!running.tryLock()) {
            throw new ReplayRunningException();
        }
        try {
            long started = System.nanoTime();
            freshTables();
            try (KafkaConsumer<String, String> consumer = consumer()) {
                List<TopicPartition> partitions = consumer.partitionsFor(properties.topic(), Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Counts counts = new Counts();
                readUpTo(consumer, consumer.endOffsets(partitions), counts);
                List<Difference> differences = compare();
                boolean switched = false;
                if (switchOver) {
                    MessageListenerContainer live = listeners.getListenerContainer(LIVE_LISTENER);
                    pause(live);
                    try {
                        readUpTo(consumer, consumer.endOffsets(partitions), counts);
                        swapTables();
                        switched = true;
                    } finally {
                        if (live != null) {
                            live.resume();
                        }
                    }
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                LOG.info("Replay read {} records ({} applied, {} duplicates, {} held, {} unreadable) in {} ms; "
                                + "{} difference(s); switched over: {}", counts.records, counts.applied, counts.skipped,
                        counts.held, counts.poison, took.toMillis(), differences.size(), switched);
                return new Report(counts.records, counts.applied, counts.skipped, counts.held, counts.poison,
                        rows(ViewTables.LIVE), differences.isEmpty(), differences, switched, took.toMillis());
            }
        } finally {
            running.unlock();
        }
    }

    private void readUpTo(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end, Counts counts) {
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            transactions.executeWithoutResult(tx -> {
                for (ConsumerRecord<String, String> record : records) {
                    apply(record, counts);
                }
            });
            if (counts.records / 5000 != (counts.records - records.count()) / 5000) {
                LOG.info("Replay: {} records read", counts.records);
            }
        }
    }

    private void apply(ConsumerRecord<String, String> record, Counts counts) {
        counts.records++;
        EventEnvelope envelope;
        try {
            envelope = Envelopes.read(record.value());
        } catch (PoisonMessageException e) {
            counts.poison++;
            return;
        }
        switch (projector.accept(ViewTables.REBUILD, envelope).outcome()) {
            case APPLIED -> counts.applied++;
            case SKIPPED -> counts.skipped++;
            case HELD -> counts.held++;
        }
    }

    /** Rows of the rebuilt views that differ from the live ones, or exist in only one of them. */
    private List<Difference> compare() {
        Map<String, Row> live = states(ViewTables.LIVE);
        Map<String, Row> rebuilt = states(ViewTables.REBUILD);
        List<Difference> differences = new ArrayList<>();
        for (var entry : rebuilt.entrySet()) {
            Row mine = entry.getValue();
            Row theirs = live.get(entry.getKey());
            if (theirs == null) {
                differences.add(new Difference(entry.getKey(), "only in the rebuilt views"));
            } else if (theirs.version() > mine.version()) {
                differences.add(new Difference(entry.getKey(), "live view is ahead (version " + theirs.version()
                        + " vs " + mine.version() + "): events arrived during the rebuild"));
            } else if (!Objects.equals(tree(theirs.state()), tree(mine.state()))) {
                differences.add(new Difference(entry.getKey(), "views differ at version " + mine.version()));
            }
        }
        live.keySet().stream().filter(id -> !rebuilt.containsKey(id))
                .forEach(id -> differences.add(new Difference(id, "only in the live views")));
        return differences;
    }

    private Map<String, Row> states(ViewTables tables) {
        Map<String, Row> rows = new HashMap<>();
        jdbc.sql("SELECT commitment_id, version, state FROM " + tables.commitments())
                .query((row, n) -> rows.put(row.getString(1), new Row(row.getLong(2), row.getString(3))))
                .list();
        jdbc.sql("SELECT plan_id, stl_id, stl_name, jurisdiction, title, period_start, period_end FROM " + tables.plans())
                .query((row, n) -> rows.put(row.getString(1), new Row(0, String.join("|", row.getString(2),
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7)))))
                .list();
        return rows;
    }

    private static JsonNode tree(String json) {
        return json.startsWith("{") ? EventJson.readTree(json) : EventJson.mapper().getNodeFactory().stringNode(json);
    }

    private long rows(ViewTables tables) {
        return jdbc.sql("SELECT count(*) FROM " + tables.commitments()).query(Long.class).single();
    }

    private void freshTables() {
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < ViewTables.LIVE.all().size(); i++) {
                String rebuild = ViewTables.REBUILD.all().get(i);
                jdbc.sql("DROP TABLE IF EXISTS " + rebuild).update();
                jdbc.sql("CREATE TABLE " + rebuild + " (LIKE " + ViewTables.LIVE.all().get(i) + " INCLUDING ALL)").update();
            }
        });
    }

    /** In one transaction: the rebuilt tables take the live names; the old live tables are dropped. */
    private void swapTables() {
        transactions.executeWithoutResult(tx -> {
            ViewTables retired = ViewTables.withPrefix("retired_");
            for (int i = 0; i < ViewTables.LIVE.all().size(); i++) {
                jdbc.sql("DROP TABLE IF EXISTS " + retired.all().get(i)).update();
                jdbc.sql("ALTER TABLE " + ViewTables.LIVE.all().get(i) + " RENAME TO " + retired.all().get(i)).update();
                jdbc.sql("ALTER TABLE " + ViewTables.REBUILD.all().get(i) + " RENAME TO " + ViewTables.LIVE.all().get(i)).update();
                jdbc.sql("DROP TABLE " + retired.all().get(i)).update();
            }
        });
    }

    private static void pause(MessageListenerContainer live) {
        if (live == null) {
            return;
        }
        live.pause();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (live.isRunning() && !live.isContainerPaused()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the live consumer did not pause within 30 s; nothing was switched");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pausing the live consumer", e);
            }
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "query-service-replay-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    private record Row(long version, String state) {
    }

    private static final class Counts {
        long records;
        long applied;
        long skipped;
        long held;
        long poison;
    }

    /**
     * What a replay did.
     *
     * @param equal       {@code true} if the rebuilt views equal the live ones
     * @param differences where they differ, by commitment or plan id
     * @param switchedOver whether the rebuilt views now serve
     */
    public record Report(long records, long applied, long duplicates, long held, long unreadable, long commitments,
                         boolean equal, List<Difference> differences, boolean switchedOver, long millis) {
    }

    public record Difference(String id, String reason) {
    }

    /** A second replay was asked for while one runs. */
    public static class ReplayRunningException extends IllegalStateException {
        ReplayRunningException() {
            super("a replay is already running");
        }
    }
}
