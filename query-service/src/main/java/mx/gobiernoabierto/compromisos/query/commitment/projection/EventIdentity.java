package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.util.Objects;

import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;

/**
 * What makes a record the same event as another at the same sequence: its event id and its chain hash. The command
 * side publishes an event again (after a crash, say) with both unchanged; a different event at that sequence differs
 * in its id, and in its hash unless it is a forgery of the same content.
 */
public record EventIdentity(String eventId, String hash) {

    public static EventIdentity of(EventEnvelope envelope) {
        return new EventIdentity(envelope.eventId(), envelope.hash());
    }

    /** Both the id and the hash are equal: a redelivery, safe to skip. */
    public boolean sameEventAs(EventIdentity other) {
        return Objects.equals(eventId, other.eventId) && Objects.equals(hash, other.hash);
    }
}
