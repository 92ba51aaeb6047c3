package mx.gobiernoabierto.compromisos.query.commitment.projection;

import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.events.wire.EventTypes;

/** Reads records of the event topic for the live consumer and the replay alike. */
public final class Envelopes {

    private Envelopes() {
    }

    /** Reads and checks a record; anything that can never be applied is poison, for the dead-letter topic. */
    public static EventEnvelope read(String value) {
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
            envelope.event();
            envelope.occurredAtInstant();
        } catch (RuntimeException e) {
            throw new PoisonMessageException("unreadable " + envelope.type() + " payload: " + e.getMessage(), e);
        }
        return envelope;
    }

}
