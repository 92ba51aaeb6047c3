package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.CommitmentEvent;
import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.IndicatorDefined;
import mx.gobiernoabierto.compromisos.events.PlanRegistered;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;

/**
 * Applies envelopes to a set of view tables with exactly-once effect on at-least-once delivery: per aggregate the
 * last applied sequence is stored with the view change, in the caller's transaction. What becomes of each envelope
 * is {@link DeliveryCheck}'s verdict: the next sequence is applied (then any held ones that follow it), a proved
 * redelivery is skipped, one past a gap is held until the gap fills, and another event than the one kept at its
 * sequence is recorded as a divergence that holds its aggregate.
 */
@Component
public class Projector {

    /** What became of one envelope. */
    public enum Outcome { APPLIED, SKIPPED, HELD, DIVERGENT, BLOCKED }

    private final ViewStore store;
    private final Divergences divergences;

    Projector(ViewStore store, Divergences divergences) {
        this.store = store;
        this.divergences = divergences;
    }

    /**
     * Applies the envelope, in the caller's transaction; returns how many events were applied besides.
     *
     * @param received the record as it arrived, kept as such if it is divergent
     * @param kept     the event id and hash the archive keeps at the envelope's sequence (the caller archived the
     *                 envelope first, so this is its own unless another event was kept there before)
     */
    public Result accept(ViewTables tables, EventEnvelope envelope, String received, EventIdentity kept) {
        String aggregateId = envelope.aggregateId();
        long last = store.lockPosition(tables, aggregateId);
        OptionalLong heldAfter = divergences.heldAfter(aggregateId);
        return switch (DeliveryCheck.judge(envelope.sequence(), EventIdentity.of(envelope), kept, last, heldAfter)) {
            case DIVERGENT -> {
                divergences.record(envelope, received, kept, heldAfter.orElse(last));
                yield new Result(Outcome.DIVERGENT, 0);
            }
            case BLOCKED -> new Result(Outcome.BLOCKED, 0);
            case DUPLICATE -> new Result(Outcome.SKIPPED, 0);
            case AHEAD -> {
                store.hold(tables, aggregateId, envelope.sequence(), received);
                yield new Result(Outcome.HELD, 0);
            }
            case APPLY -> {
                apply(tables, envelope);
                long applied = envelope.sequence();
                long limit = heldAfter.orElse(Long.MAX_VALUE);
                int released = 0;
                while (applied < limit) {
                    Optional<String> next = store.takeHeld(tables, aggregateId, applied + 1);
                    if (next.isEmpty()) {
                        break;
                    }
                    apply(tables, EventEnvelope.fromJson(next.get()));
                    applied++;
                    released++;
                }
                store.savePosition(tables, aggregateId, applied);
                yield new Result(Outcome.APPLIED, released);
            }
        };
    }

    private void apply(ViewTables tables, EventEnvelope envelope) {
        DomainEvent event = envelope.event();
        switch (event) {
            case PlanRegistered plan -> store.savePlan(tables, plan);
            case CommitmentEvent commitmentEvent -> {
                CommitmentState before = store.commitment(tables, commitmentEvent.commitmentId()).orElse(null);
                CommitmentState after = CommitmentFold.apply(before, commitmentEvent, envelope.sequence(),
                        envelope.occurredAtInstant());
                store.saveCommitment(tables, after);
                if (commitmentEvent instanceof IndicatorDefined indicator) {
                    store.indexIndicator(tables, indicator.indicatorId(), indicator.commitmentId());
                }
            }
        }
    }

    /**
     * @param outcome  what became of the envelope itself
     * @param released held events applied after it because it filled their gap
     */
    public record Result(Outcome outcome, int released) {
    }
}
