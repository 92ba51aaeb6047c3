package mx.gobiernoabierto.compromisos.events;

/**
 * The commitment was suspended.
 *
 * @param suspendedFrom the state it left, {@code ADOPTED} or {@code IN_IMPLEMENTATION}; resumption returns there
 */
@EventRevision(1)
public record CommitmentSuspended(String commitmentId, String reason, CommitmentStatus suspendedFrom)
        implements CommitmentEvent {
}
