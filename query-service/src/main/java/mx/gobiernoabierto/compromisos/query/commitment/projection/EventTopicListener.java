package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import mx.gobiernoabierto.compromisos.query.audit.EventArchive;
import mx.gobiernoabierto.compromisos.query.config.QueryProperties;

/**
 * The live consumer: each poll's records are archived and applied in one database transaction, and their offsets
 * are committed only after that transaction, so a crash or a rebalance redelivers and the projector skips what it
 * proves was already applied. Several instances share the topic as one consumer group; a commitment's events all go to one
 * partition, so to one instance at a time.
 */
@Component
class EventTopicListener {

    private final EventArchive archive;
    private final Projector projector;
    private final TransactionTemplate transactions;
    private final Timer latency;
    private final Counter applied;
    private final Counter skipped;
    private final Counter held;
    private final Counter divergent;
    private final Counter blocked;

    EventTopicListener(EventArchive archive, Projector projector, TransactionTemplate transactions,
                       MeterRegistry meters, ViewStore store, QueryProperties properties) {
        this.archive = archive;
        this.projector = projector;
        this.transactions = transactions;
        this.latency = Timer.builder("compromisos.projection.latency")
                .description("From an event's occurredAt to its view change being committed")
                .publishPercentileHistogram()
                .register(meters);
        this.applied = outcome(meters, "applied");
        this.skipped = outcome(meters, "skipped");
        this.held = outcome(meters, "held");
        this.divergent = outcome(meters, "divergent");
        this.blocked = outcome(meters, "blocked");
        Gauge.builder("compromisos.projection.held", () -> store.held(ViewTables.LIVE))
                .description("Events waiting for an earlier event of their aggregate")
                .register(meters);
        Gauge.builder("compromisos.projection.held.stuck",
                        () -> store.heldLongerThan(ViewTables.LIVE, properties.heldAlarmAfter().toSeconds()))
                .description("Events held longer than the alarm threshold: a gap that does not fill")
                .register(meters);
    }

    /**
     * One poll's records in one database transaction (one commit, so one WAL flush, per poll instead of per
     * record): archived with one statement, then applied by the projector as one batch, which decides each record
     * in the order received (a commitment's events, from one partition, keep their order and each is judged on what
     * the ones before it did) and writes each changed view row once. The duplicate proof, holds and divergences are
     * the projector's, record by record; the consumer's offsets are committed only after the transaction, so a
     * crash redelivers the whole poll and the projector proves each record applied.
     *
     * <p>A poison record in the middle of a poll: the records before it are applied and committed, then the error
     * handler is told its index, so it commits their offsets, sends the poison to the dead-letter topic and
     * redelivers the records after it. Any other failure rolls the whole poll back and names its first record: the
     * poll is retried from there, nothing is skipped.
     */
    @KafkaListener(id = "projections", idIsGroup = false, topics = "${compromisos.query.topic}", batch = "true")
    void onRecords(List<ConsumerRecord<String, String>> records) {
        List<EventArchive.Received> readable = new ArrayList<>(records.size());
        List<Envelopes.Decoded> decoded = new ArrayList<>(records.size());
        PoisonMessageException poison = null;
        for (ConsumerRecord<String, String> record : records) {
            try {
                Envelopes.Decoded read = Envelopes.decode(record.value());
                readable.add(new EventArchive.Received(read.envelope(), record.value(), record.partition(),
                        record.offset()));
                decoded.add(read);
            } catch (PoisonMessageException e) {
                poison = e;
                break;
            }
        }
        if (!readable.isEmpty()) {
            List<Projector.Result> results;
            try {
                results = transactions.execute(tx -> apply(readable, decoded));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("the poll was rolled back: " + e.getMessage(), e, records.getFirst());
            }
            results.forEach(this::count);
        }
        if (poison != null) {
            throw new BatchListenerFailedException(poison.getMessage(), poison, records.get(readable.size()));
        }
    }

    /** Archives and applies the records; {@code decoded} holds, for each, what reading it decoded. */
    private List<Projector.Result> apply(List<EventArchive.Received> records, List<Envelopes.Decoded> decoded) {
        List<EventIdentity> kept = archive.keepAll(records);
        List<Projector.Delivery> deliveries = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            deliveries.add(new Projector.Delivery(decoded.get(i), records.get(i).received(), kept.get(i)));
        }
        List<Projector.Result> outcomes = projector.acceptAll(ViewTables.LIVE, deliveries);
        List<Instant> occurred = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).outcome() == Projector.Outcome.APPLIED) {
                occurred.add(decoded.get(i).occurredAt());
            }
        }
        if (!occurred.isEmpty()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    Instant now = Instant.now();
                    // an event stamped by a host whose clock runs ahead of this one's counts as visible at once
                    occurred.forEach(at -> latency.record(at.isAfter(now) ? Duration.ZERO : Duration.between(at, now)));
                }
            });
        }
        return outcomes;
    }

    private void count(Projector.Result result) {
        switch (result.outcome()) {
            case APPLIED -> applied.increment(1 + result.released());
            case SKIPPED -> skipped.increment();
            case HELD -> held.increment();
            case DIVERGENT -> divergent.increment();
            case BLOCKED -> blocked.increment();
        }
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("compromisos.projection.events")
                .description("Events consumed, by what became of them")
                .tag("outcome", outcome)
                .register(meters);
    }
}
