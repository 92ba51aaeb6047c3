package mx.gobiernoabierto.compromisos.events;

/**
 * Where a commitment stands in its lifecycle. {@code EVALUATED} and {@code CANCELLED} are final;
 * {@code SUSPENDED} remembers the state it left (see {@link CommitmentSuspended#suspendedFrom()}).
 */
public enum CommitmentStatus {
    DRAFT, ADOPTED, IN_IMPLEMENTATION, SUSPENDED, COMPLETED, EVALUATED, CANCELLED;

    /** {@code true} for the states no command can leave: {@code EVALUATED} and {@code CANCELLED}. */
    public boolean isFinal() {
        return this == EVALUATED || this == CANCELLED;
    }
}
