package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.util.Optional;

import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.CommitmentEvent;
import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.IndicatorDefined;
import mx.gobiernoabierto.compromisos.events.PlanRegistered;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;

/**
 * Applies envelopes to a set of view tables with exactly-once effect on at-least-once delivery: per aggregate the
 * last applied sequence is stored with the view change, in the caller's transaction. The next sequence is applied
 * (then any held ones that follow it), an old one is skipped as a duplicate, and one past a gap is held until the
 * gap fills.
 */
@Component
public class Projector {

    /** What became of one envelope. */
    public enum Outcome { APPLIED, SKIPPED, HELD }

    private final ViewStore store;

    Projector(ViewStore store) {
        this.store = store;
    }

    /** Applies the envelope, in the caller's transaction; returns how many events were applied besides. */
    public Result accept(ViewTables tables, EventEnvelope envelope) {
        long last = store.lockPosition(tables, envelope.aggregateId());
        if (envelope.sequence() <= last) {
            return new Result(Outcome.SKIPPED, 0);
        }
        if (envelope.sequence() > last + 1) {
            store.hold(tables, envelope.aggregateId(), envelope.sequence(), envelope.toJson());
            return new Result(Outcome.HELD, 0);
        }
        apply(tables, envelope);
        long applied = envelope.sequence();
        int released = 0;
        for (Optional<String> next = store.takeHeld(tables, envelope.aggregateId(), applied + 1); next.isPresent();
             next = store.takeHeld(tables, envelope.aggregateId(), applied + 1)) {
            apply(tables, EventEnvelope.fromJson(next.get()));
            applied++;
            released++;
        }
        store.savePosition(tables, envelope.aggregateId(), applied);
        return new Result(Outcome.APPLIED, released);
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
