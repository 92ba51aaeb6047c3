package mx.gobiernoabierto.compromisos.events;

/**
 * A suspended commitment was resumed.
 *
 * @param resumedTo the state it returned to: the one it was suspended from
 */
@EventRevision(1)
public record CommitmentResumed(String commitmentId, CommitmentStatus resumedTo) implements CommitmentEvent {
}
