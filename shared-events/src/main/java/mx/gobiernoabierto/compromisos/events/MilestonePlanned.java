package mx.gobiernoabierto.compromisos.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A milestone (hito) was planned.
 *
 * @param milestoneId the milestone's id, a UUID string
 * @param dueDate     within the commitment's start and end dates, inclusive
 * @param responsible the party responsible for it
 * @param weight      positive; its share in the commitment's implementation progress
 */
@EventRevision(1)
public record MilestonePlanned(String commitmentId, String milestoneId, String title, String description,
                               LocalDate dueDate, String responsible, BigDecimal weight) implements CommitmentEvent {
}
