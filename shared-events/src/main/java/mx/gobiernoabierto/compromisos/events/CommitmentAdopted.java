package mx.gobiernoabierto.compromisos.events;

import java.time.LocalDate;
import java.util.List;

/**
 * The STL adopted the commitment in session: {@code DRAFT → ADOPTED}.
 *
 * @param sessionDate the date of the adopting session, not in the future
 * @param approvals   at least one named approval from each {@link Sector}
 */
@EventRevision(1)
public record CommitmentAdopted(String commitmentId, LocalDate sessionDate, List<Approval> approvals)
        implements CommitmentEvent {
    public CommitmentAdopted {
        approvals = Lists.orEmpty(approvals);
    }
}
