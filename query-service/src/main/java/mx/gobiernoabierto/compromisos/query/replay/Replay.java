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

import mx.gobiernoabierto.compromisos.events.wire.EventJson;
import mx.gobiernoabierto.compromisos.query.audit.EventArchive;
import mx.gobiernoabierto.compromisos.query.commitment.projection.Envelopes;
import mx.gobiernoabierto.compromisos.query.commitment.projection.EventIdentity;
import mx.gobiernoabierto.compromisos.query.commitment.projection.PoisonMessageException;
import mx.gobiernoabierto.compromisos.query.commitment.projection.Projector;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewTables;
import mx.gobiernoabierto.compromisos.query.config.QueryProperties;

/**
 * Rebuilds every view into fresh tables while the live views keep serving, compares the two, and on request switches
 * over. The rebuild reads the service's own archive of every record it received, then from the topic only what came
 * after the archive's end (per partition, by offset): history never depends on how long Kafka keeps records. The
 * same projector (and so the same folds and the same duplicate proof) as the live consumer does the work; only the
 * tables differ.
 */
@Service
public class Replay {

    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    private static final String LIVE_LISTENER = "projections";
    private static final int ARCHIVE_PAGE = 5000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Projector projector;
    private final EventArchive archive;
    private final KafkaProperties kafka;
    private final QueryProperties properties;
    private final KafkaListenerEndpointRegistry listeners;
    private final ReentrantLock running = new ReentrantLock();

    Replay(JdbcClient jdbc, TransactionTemplate transactions, Projector projector, EventArchive archive,
           KafkaProperties kafka, QueryProperties properties, KafkaListenerEndpointRegistry listeners) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.projector = projector;
        this.archive = archive;
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
            Counts counts = new Counts();
            try (KafkaConsumer<String, String> consumer = consumer()) {
                List<TopicPartition> partitions = consumer.partitionsFor(properties.topic(), Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
                consumer.assign(partitions);
                // the archive's end is taken before it is read: whatever the live consumer archives meanwhile lies
                // at or after it, so it is read again from the topic and proved a duplicate
                Map<Integer, Long> archiveEnd = archive.endOffsets();
                readArchive(counts);
                List<String> uncovered = seekAfterArchive(consumer, partitions, archiveEnd);
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
                LOG.info("Replay read {} records ({} from the archive, {} from the topic; {} applied, {} duplicates, "
                                + "{} held, {} divergent, {} blocked by a divergence, {} unreadable) in {} ms; "
                                + "{} difference(s); switched over: {}", counts.records, counts.fromArchive,
                        counts.fromTopic, counts.applied, counts.skipped, counts.held, counts.divergent, counts.blocked,
                        counts.poison, took.toMillis(), differences.size(), switched);
                return new Report(counts.records, counts.applied, counts.skipped, counts.held, counts.poison,
                        rows(ViewTables.LIVE), differences.isEmpty(), differences, switched, took.toMillis(),
                        counts.fromArchive, counts.fromTopic, counts.divergent, counts.blocked, uncovered);
            }
        } finally {
            running.unlock();
        }
    }

    /**
     * Every archived record, in (aggregate, sequence) order, a page per transaction; the projector folds each page's
     * events per commitment in memory and writes each commitment's row once per page.
     */
    private void readArchive(Counts counts) {
        EventArchive.Kept.Position after = EventArchive.Kept.Position.START;
        while (true) {
            EventArchive.Kept.Position from = after;
            List<EventArchive.Kept> page = transactions.execute(tx -> {
                List<EventArchive.Kept> kept = archive.page(from, ARCHIVE_PAGE);
                // reading the JSON is most of a page's work: on every core, keeping the page's order; each record is
                // decoded once, and the fold uses what checking it decoded
                List<Envelopes.Decoded> decoded = kept.parallelStream().map(record -> decoded(record.envelope()))
                        .toList();
                List<Projector.Delivery> deliveries = new ArrayList<>(kept.size());
                for (int i = 0; i < kept.size(); i++) {
                    counts.fromArchive++;
                    counts.records++;
                    if (decoded.get(i) == null) {
                        counts.poison++;
                    } else {
                        deliveries.add(new Projector.Delivery(decoded.get(i), kept.get(i).envelope(),
                                kept.get(i).identity()));
                    }
                }
                apply(deliveries, counts);
                return kept;
            });
            progress(counts, page.size());
            if (page.size() < ARCHIVE_PAGE) {
                return;
            }
            after = page.getLast().position();
        }
    }

    /**
     * Positions the consumer on the first record the archive does not hold, per partition. A partition nothing was
     * archived from with an offset (nothing yet, or only before offsets were recorded) is read from its beginning;
     * so is one whose archived end lies past the topic's end (the topic was recreated). Returns the ranges of
     * offsets that neither the archive nor the topic holds any more.
     */
    private List<String> seekAfterArchive(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
                                          Map<Integer, Long> archiveEnd) {
        Map<TopicPartition, Long> logStart = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> logEnd = consumer.endOffsets(partitions);
        List<String> uncovered = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long end = archiveEnd.get(partition.partition());
            if (end == null || end > logEnd.get(partition)) {
                if (end != null) {
                    LOG.warn("Replay: the archive ends at offset {} of {} but the topic ends at {}: reading the partition "
                            + "from its beginning", end, partition, logEnd.get(partition));
                }
                end = logStart.get(partition);
            }
            if (end < logStart.get(partition)) {
                String range = partition + " offsets " + end + "-" + (logStart.get(partition) - 1);
                LOG.error("Replay: {} are in neither the archive nor the topic (deleted by retention before this "
                        + "service archived them); views of aggregates with events there stay behind a gap", range);
                uncovered.add(range);
                end = logStart.get(partition);
            }
            consumer.seek(partition, end);
        }
        return uncovered;
    }

    private void readUpTo(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end, Counts counts) {
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            List<EventArchive.Received> readable = new ArrayList<>(records.count());
            List<Envelopes.Decoded> decoded = new ArrayList<>(records.count());
            for (ConsumerRecord<String, String> record : records) {
                counts.fromTopic++;
                Envelopes.Decoded read = read(record.value(), counts);
                if (read != null) {
                    readable.add(new EventArchive.Received(read.envelope(), record.value(), record.partition(),
                            record.offset()));
                    decoded.add(read);
                }
            }
            if (!readable.isEmpty()) {
                transactions.executeWithoutResult(tx -> {
                    // archived as the live consumer would: the records may be ones it has not reached yet
                    List<EventIdentity> kept = archive.keepAll(readable);
                    List<Projector.Delivery> deliveries = new ArrayList<>(readable.size());
                    for (int i = 0; i < readable.size(); i++) {
                        deliveries.add(new Projector.Delivery(decoded.get(i), readable.get(i).received(), kept.get(i)));
                    }
                    apply(deliveries, counts);
                });
            }
            progress(counts, records.count());
        }
    }

    private static void progress(Counts counts, int justRead) {
        if (counts.records / 5000 != (counts.records - justRead) / 5000) {
            LOG.info("Replay: {} records read ({} from the archive, {} from the topic)", counts.records,
                    counts.fromArchive, counts.fromTopic);
        }
    }

    /** The record read and checked, or {@code null} (counted) if it is unreadable. */
    private static Envelopes.Decoded read(String received, Counts counts) {
        counts.records++;
        Envelopes.Decoded decoded = decoded(received);
        if (decoded == null) {
            counts.poison++;
        }
        return decoded;
    }

    /** The record read, checked and decoded, or {@code null} if it is unreadable. */
    private static Envelopes.Decoded decoded(String received) {
        try {
            return Envelopes.decode(received);
        } catch (PoisonMessageException e) {
            return null;
        }
    }

    private void apply(List<Projector.Delivery> deliveries, Counts counts) {
        if (deliveries.isEmpty()) {
            return;
        }
        for (Projector.Result result : projector.acceptAll(ViewTables.REBUILD, deliveries)) {
            switch (result.outcome()) {
                case APPLIED -> counts.applied++;
                case SKIPPED -> counts.skipped++;
                case HELD -> counts.held++;
                case DIVERGENT -> counts.divergent++;
                case BLOCKED -> counts.blocked++;
            }
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
        long fromArchive;
        long fromTopic;
        long divergent;
        long blocked;
        long applied;
        long skipped;
        long held;
        long poison;
    }

    /**
     * What a replay did.
     *
     * @param records     records read, from the archive and from the topic
     * @param equal       {@code true} if the rebuilt views equal the live ones
     * @param differences where they differ, by commitment or plan id
     * @param switchedOver whether the rebuilt views now serve
     * @param fromArchive records read from the archive
     * @param fromTopic   records read from the topic, after the archive's end
     * @param divergent   records that differed from the event kept at their sequence
     * @param blocked     records not applied because their aggregate is held for a divergence
     * @param uncovered   offset ranges that neither the archive nor the topic holds (empty unless records were deleted
     *                    from the topic before this service archived them)
     */
    public record Report(long records, long applied, long duplicates, long held, long unreadable, long commitments,
                         boolean equal, List<Difference> differences, boolean switchedOver, long millis,
                         long fromArchive, long fromTopic, long divergent, long blocked, List<String> uncovered) {
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
