package mx.gobiernoabierto.compromisos.events;

/**
 * The commitment was cancelled; {@code CANCELLED} is final.
 *
 * @param cancelledFrom the state it was in when cancelled
 */
@EventRevision(1)
public record CommitmentCancelled(String commitmentId, String reason, CommitmentStatus cancelledFrom)
        implements CommitmentEvent {
}
