package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Decides what becomes of one record of an aggregate, from what is known of that aggregate. Pure, so that any
 * consumer (the live one record at a time, a batch one, the replay) decides alike.
 *
 * <p>A record whose sequence is not above the last applied one is skipped only when it is <em>proved</em> to be the
 * event already kept at that sequence; two different events at one sequence mean the two services no longer agree
 * on the history (an acknowledged event lost by the command side and its sequence reused, or a forgery), and
 * neither can be applied silently.
 */
public final class DeliveryCheck {

    private DeliveryCheck() {
    }

    public enum Verdict {
        /** The next event of the aggregate: apply it. */
        APPLY,
        /** The very event already kept at its sequence (a redelivery): skip it. */
        DUPLICATE,
        /** Past a gap: hold it until the events before it arrive. */
        AHEAD,
        /** Another event than the one kept at its sequence: keep it for the auditor and hold the aggregate. */
        DIVERGENT,
        /** After the point where the aggregate is held for a divergence: apply nothing until it is resolved. */
        BLOCKED
    }

    /**
     * @param sequence    the record's sequence
     * @param received    the record's event id and hash
     * @param kept        the event id and hash the archive keeps at that sequence (the record's own if it is the
     *                    first to arrive there)
     * @param lastApplied the aggregate's last applied sequence, -1 if none
     * @param heldAfter   if the aggregate is held for an unresolved divergence, the last sequence that may be applied
     */
    public static Verdict judge(long sequence, EventIdentity received, EventIdentity kept, long lastApplied,
                                OptionalLong heldAfter) {
        Objects.requireNonNull(kept, "the archive keeps an event at every sequence it was given");
        if (!received.sameEventAs(kept)) {
            return Verdict.DIVERGENT;
        }
        if (heldAfter.isPresent() && sequence > heldAfter.getAsLong()) {
            return Verdict.BLOCKED;
        }
        if (sequence <= lastApplied) {
            return Verdict.DUPLICATE;
        }
        return sequence == lastApplied + 1 ? Verdict.APPLY : Verdict.AHEAD;
    }
}
