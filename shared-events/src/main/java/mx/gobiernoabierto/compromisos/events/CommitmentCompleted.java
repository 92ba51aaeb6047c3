package mx.gobiernoabierto.compromisos.events;

import java.time.LocalDate;

/**
 * Every milestone being completed, the commitment was completed: {@code IN_IMPLEMENTATION → COMPLETED}.
 *
 * @param completedOn not in the future
 */
@EventRevision(1)
public record CommitmentCompleted(String commitmentId, LocalDate completedOn) implements CommitmentEvent {
}
