package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.CommitmentEvent;
import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.IndicatorDefined;
import mx.gobiernoabierto.compromisos.events.PlanRegistered;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.support.transaction.OutermostCommit;

/**
 * Applies envelopes to a set of view tables with exactly-once effect on at-least-once delivery: per aggregate the
 * last applied sequence is stored with the view change, in the caller's transaction. What becomes of each envelope
 * is {@link DeliveryCheck}'s verdict: the next sequence is applied (then any held ones that follow it), a proved
 * redelivery is skipped, one past a gap is held until the gap fills, and another event than the one kept at its
 * sequence is recorded as a divergence that holds its aggregate.
 *
 * <p>A batch (a poll, a page of the archive) is decided record by record in the order given, exactly as if each had
 * been applied alone, but against what is read once for the whole batch: the positions, holds and held events of
 * its aggregates are read (and the positions locked) in one statement each, each commitment's events are folded in
 * memory from its state read once, and each changed row is written once, in batched statements.
 */
@Component
public class Projector {

    /** A commitment's folded state is kept as a checkpoint at every this many versions (for as-of views). */
    public static final int CHECKPOINT_EVERY = 100;

    /** What became of one envelope. */
    public enum Outcome { APPLIED, SKIPPED, HELD, DIVERGENT, BLOCKED }

    private final ViewStore store;
    private final Divergences divergences;
    private final ViewVersions versions;

    Projector(ViewStore store, Divergences divergences, ViewVersions versions) {
        this.store = store;
        this.divergences = divergences;
        this.versions = versions;
    }

    /**
     * One record to apply.
     *
     * @param envelope the record, read and checked ({@link Envelopes#decode})
     * @param received the record as it arrived, kept as such if it is held or divergent
     * @param kept     the event id and hash the archive keeps at the envelope's sequence (the caller archived the
     *                 envelope first, so this is its own unless another event was kept there before)
     * @param event    the envelope's payload as its event
     * @param occurredAt the envelope's {@code occurredAt}
     */
    public record Delivery(EventEnvelope envelope, String received, EventIdentity kept, DomainEvent event,
                           Instant occurredAt) {

        /** A delivery whose event and instant are decoded from the envelope. */
        public Delivery(EventEnvelope envelope, String received, EventIdentity kept) {
            this(envelope, received, kept, envelope.event(), envelope.occurredAtInstant());
        }

        /** A delivery of a record {@link Envelopes#decode} read, without decoding it again. */
        public Delivery(Envelopes.Decoded decoded, String received, EventIdentity kept) {
            this(decoded.envelope(), received, kept, decoded.event(), decoded.occurredAt());
        }
    }

    /** Applies one envelope, in the caller's transaction. */
    public Result accept(ViewTables tables, EventEnvelope envelope, String received, EventIdentity kept) {
        return acceptAll(tables, List.of(new Delivery(envelope, received, kept))).getFirst();
    }

    /**
     * Applies the deliveries in the order given, in the caller's transaction; returns what became of each, in the
     * same order.
     */
    public List<Result> acceptAll(ViewTables tables, List<Delivery> deliveries) {
        Map<String, Aggregate> aggregates = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            aggregates.computeIfAbsent(delivery.envelope().aggregateId(), Aggregate::new);
        }
        Map<String, Long> positions = store.lockPositions(tables, aggregates.keySet());
        Map<String, Long> holds = divergences.heldAfter(aggregates.keySet());
        Map<String, TreeMap<Long, String>> held = store.held(tables, aggregates.keySet());
        for (Aggregate aggregate : aggregates.values()) {
            aggregate.last = positions.get(aggregate.id);
            aggregate.position = aggregate.last;
            Long heldAfter = holds.get(aggregate.id);
            aggregate.heldAfter = heldAfter == null ? OptionalLong.empty() : OptionalLong.of(heldAfter);
            aggregate.stored = held.getOrDefault(aggregate.id, new TreeMap<>());
        }
        List<Result> results = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            results.add(decide(aggregates.get(delivery.envelope().aggregateId()), delivery));
        }
        write(tables, aggregates.values());
        return results;
    }

    /** What {@link DeliveryCheck} makes of one delivery, given what the batch has done to its aggregate so far. */
    private Result decide(Aggregate aggregate, Delivery delivery) {
        EventEnvelope envelope = delivery.envelope();
        OptionalLong heldAfter = aggregate.heldAfter;
        return switch (DeliveryCheck.judge(envelope.sequence(), EventIdentity.of(envelope), delivery.kept(),
                aggregate.last, heldAfter)) {
            case DIVERGENT -> {
                long at = heldAfter.orElse(aggregate.last);
                // a record kept before (resolved or not) adds no hold; an unresolved one already holds the aggregate
                if (divergences.record(envelope, delivery.received(), delivery.kept(), at) && heldAfter.isEmpty()) {
                    aggregate.heldAfter = OptionalLong.of(at);
                }
                yield new Result(Outcome.DIVERGENT, 0);
            }
            case BLOCKED -> new Result(Outcome.BLOCKED, 0);
            case DUPLICATE -> new Result(Outcome.SKIPPED, 0);
            case AHEAD -> {
                if (!aggregate.stored.containsKey(envelope.sequence())) {
                    aggregate.added.putIfAbsent(envelope.sequence(), delivery.received());
                }
                yield new Result(Outcome.HELD, 0);
            }
            case APPLY -> {
                aggregate.apply.add(new Applied(envelope.sequence(), delivery.event(), delivery.occurredAt()));
                long applied = envelope.sequence();
                long limit = heldAfter.orElse(Long.MAX_VALUE);
                int released = 0;
                while (applied < limit) {
                    String next = aggregate.take(applied + 1);
                    if (next == null) {
                        break;
                    }
                    EventEnvelope heldEnvelope = EventEnvelope.fromJson(next);
                    aggregate.apply.add(new Applied(heldEnvelope.sequence(), heldEnvelope.event(),
                            heldEnvelope.occurredAtInstant()));
                    applied++;
                    released++;
                }
                aggregate.last = applied;
                yield new Result(Outcome.APPLIED, released);
            }
        };
    }

    /** Folds each aggregate's applied events from its stored state and writes every changed row once. */
    private void write(ViewTables tables, Iterable<Aggregate> aggregates) {
        List<String> commitmentIds = new ArrayList<>();
        for (Aggregate aggregate : aggregates) {
            if (!aggregate.apply.isEmpty() && aggregate.apply.getFirst().event() instanceof CommitmentEvent) {
                commitmentIds.add(aggregate.id);
            }
        }
        Map<String, CommitmentState> states = commitmentIds.isEmpty() ? Map.of() : store.commitments(tables, commitmentIds);
        Map<String, CommitmentState> folded = new HashMap<>();
        List<CommitmentState> checkpoints = new ArrayList<>();
        List<PlanRegistered> plans = new ArrayList<>();
        Map<String, String> indicators = new LinkedHashMap<>();
        Map<String, Long> positions = new LinkedHashMap<>();
        Map<String, Map<Long, String>> holds = new LinkedHashMap<>();
        Map<String, List<Long>> released = new LinkedHashMap<>();
        for (Aggregate aggregate : aggregates) {
            for (Applied applied : aggregate.apply) {
                DomainEvent event = applied.event();
                switch (event) {
                    case PlanRegistered plan -> plans.add(plan);
                    case CommitmentEvent commitmentEvent -> {
                        String id = commitmentEvent.commitmentId();
                        CommitmentState before = folded.containsKey(id) ? folded.get(id) : states.get(id);
                        CommitmentState after = CommitmentFold.apply(before, commitmentEvent, applied.sequence(),
                                applied.occurredAt());
                        folded.put(id, after);
                        if ((applied.sequence() + 1) % CHECKPOINT_EVERY == 0) {
                            checkpoints.add(after);
                        }
                        if (commitmentEvent instanceof IndicatorDefined indicator) {
                            indicators.putIfAbsent(indicator.indicatorId(), indicator.commitmentId());
                        }
                    }
                }
            }
            if (aggregate.last != aggregate.position) {
                positions.put(aggregate.id, aggregate.last);
            }
            if (!aggregate.added.isEmpty()) {
                holds.put(aggregate.id, aggregate.added);
            }
            if (!aggregate.taken.isEmpty()) {
                released.put(aggregate.id, aggregate.taken);
            }
        }
        store.savePlans(tables, plans);
        store.saveCommitments(tables, folded.values());
        store.saveCheckpoints(tables, checkpoints);
        store.indexIndicators(tables, indicators);
        store.savePositions(tables, positions);
        store.hold(tables, holds);
        store.release(tables, released);
        if (tables.equals(ViewTables.LIVE) && !folded.isEmpty()) {
            Map<String, Long> reached = new HashMap<>();
            folded.forEach((id, state) -> reached.put(id, state.version()));
            OutermostCommit.afterwards(() -> versions.reached(reached));
        }
    }

    /** What the batch knows of one aggregate while it decides its records. */
    private static final class Aggregate {
        final String id;
        /** the last applied sequence as stored, and as the batch has taken it so far */
        long position;
        long last;
        OptionalLong heldAfter;
        /** events held before the batch, and those the batch holds (first copy wins, as the table's key says) */
        TreeMap<Long, String> stored;
        final TreeMap<Long, String> added = new TreeMap<>();
        /** held events the batch applied that were stored before it */
        final List<Long> taken = new ArrayList<>();
        final List<Applied> apply = new ArrayList<>();

        Aggregate(String id) {
            this.id = id;
        }

        String take(long sequence) {
            String envelope = stored.remove(sequence);
            if (envelope != null) {
                taken.add(sequence);
                return envelope;
            }
            return added.remove(sequence);
        }
    }

    /** An event the batch applies to its aggregate, decoded once. */
    private record Applied(long sequence, DomainEvent event, Instant occurredAt) {
    }

    /**
     * @param outcome  what became of the envelope itself
     * @param released held events applied after it because it filled their gap
     */
    public record Result(Outcome outcome, int released) {
    }
}
