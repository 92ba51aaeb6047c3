package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.time.Instant;

import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.events.wire.EventTypes;

/** Reads records of the event topic for the live consumer and the replay alike. */
public final class Envelopes {

    private Envelopes() {
    }

    /** A record read and checked, with its event and its instant decoded once. */
    public record Decoded(EventEnvelope envelope, DomainEvent event, Instant occurredAt) {
    }

    /**
     * Reads and checks a record, keeping the event and instant that checking it decoded; anything that can never be
     * applied is poison, for the dead-letter topic.
     */
    public static Decoded decode(String value) {
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.fromJson(value);
        } catch (RuntimeException e) {
            throw new PoisonMessageException("unreadable envelope: " + e.getMessage(), e);
        }
        // without an event id the record could neither be archived nor told apart from another at its sequence
        if (envelope == null || envelope.type() == null || envelope.aggregateId() == null || envelope.payload() == null
                || envelope.occurredAt() == null || envelope.eventId() == null) {
            throw new PoisonMessageException("envelope without eventId, type, aggregateId, occurredAt or payload", null);
        }
        if (EventTypes.find(envelope.type()).isEmpty()) {
            throw new PoisonMessageException("unknown event type: " + envelope.type(), null);
        }
        try {
            return new Decoded(envelope, envelope.event(), envelope.occurredAtInstant());
        } catch (RuntimeException e) {
            throw new PoisonMessageException("unreadable " + envelope.type() + " payload: " + e.getMessage(), e);
        }
    }

}
