package mx.gobiernoabierto.compromisos.events;

import java.time.LocalDate;

/**
 * A milestone's due date was moved; the original due date stays in its {@link MilestonePlanned} event.
 *
 * @param previousDueDate the due date before this change
 * @param newDueDate      within the commitment's start and end dates, inclusive
 * @param reason          why it moved
 */
@EventRevision(1)
public record MilestoneRescheduled(String commitmentId, String milestoneId, LocalDate previousDueDate,
                                   LocalDate newDueDate, String reason) implements CommitmentEvent {
}
