package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.time.Instant;
import java.util.Objects;

import mx.gobiernoabierto.compromisos.events.CommitmentEvent;
import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;

/**
 * One event of a commitment's stream with the envelope facts the fold needs.
 *
 * @param event      the event, never {@code null}
 * @param sequence   its position in the commitment's stream, from 0
 * @param occurredAt when it was appended, never {@code null}
 */
public record FoldInput(CommitmentEvent event, long sequence, Instant occurredAt) {

    public FoldInput {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /**
     * The fold input carried by an envelope; throws {@link IllegalArgumentException} if the envelope holds a plan
     * event rather than a commitment event.
     */
    public static FoldInput from(EventEnvelope envelope) {
        DomainEvent event = envelope.event();
        if (!(event instanceof CommitmentEvent commitmentEvent)) {
            throw new IllegalArgumentException("not a commitment event: " + envelope.type());
        }
        return new FoldInput(commitmentEvent, envelope.sequence(), envelope.occurredAtInstant());
    }
}
