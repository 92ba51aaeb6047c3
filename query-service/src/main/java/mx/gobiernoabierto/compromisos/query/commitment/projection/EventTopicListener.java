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

import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
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
     * record), each archived and applied in the order received, so a commitment's events (one partition) keep their
     * order and each sees what the ones before it wrote. The duplicate proof, holds and divergences are the
     * projector's, record by record, exactly as before; the consumer's offsets are committed only after the
     * transaction, so a crash redelivers the whole poll and the projector proves each record applied.
     *
     * <p>A poison record in the middle of a poll: the records before it are applied and committed, then the error
     * handler is told its index, so it commits their offsets, sends the poison to the dead-letter topic and
     * redelivers the records after it. Any other failure rolls the whole poll back and names its first record: the
     * poll is retried from there, nothing is skipped.
     */
    @KafkaListener(id = "projections", idIsGroup = false, topics = "${compromisos.query.topic}", batch = "true")
    void onRecords(List<ConsumerRecord<String, String>> records) {
        List<EventEnvelope> envelopes = new ArrayList<>(records.size());
        PoisonMessageException poison = null;
        for (ConsumerRecord<String, String> record : records) {
            try {
                envelopes.add(Envelopes.read(record.value()));
            } catch (PoisonMessageException e) {
                poison = e;
                break;
            }
        }
        if (!envelopes.isEmpty()) {
            List<Projector.Result> results;
            try {
                results = transactions.execute(tx -> {
                    List<Projector.Result> outcomes = new ArrayList<>(envelopes.size());
                    for (int i = 0; i < envelopes.size(); i++) {
                        outcomes.add(apply(records.get(i), envelopes.get(i)));
                    }
                    return outcomes;
                });
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("the poll was rolled back: " + e.getMessage(), e, records.getFirst());
            }
            results.forEach(this::count);
        }
        if (poison != null) {
            throw new BatchListenerFailedException(poison.getMessage(), poison, records.get(envelopes.size()));
        }
    }

    private Projector.Result apply(ConsumerRecord<String, String> record, EventEnvelope envelope) {
        EventIdentity kept = archive.keep(envelope, record.value(), record.partition(), record.offset());
        Projector.Result outcome = projector.accept(ViewTables.LIVE, envelope, record.value(), kept);
        if (outcome.outcome() == Projector.Outcome.APPLIED) {
            Instant occurredAt = envelope.occurredAtInstant();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    latency.record(Duration.between(occurredAt, Instant.now()));
                }
            });
        }
        return outcome;
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
