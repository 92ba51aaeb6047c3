package mx.gobiernoabierto.compromisos.events;

import java.time.LocalDate;
import java.util.List;

/**
 * A milestone was completed; its progress is 100 from here on.
 *
 * @param completedOn  not in the future
 * @param evidenceUrls at least one {@code http}/{@code https} link to the means of verification
 * @param note         optional note; {@code null} when none
 */
@EventRevision(1)
public record MilestoneCompleted(String commitmentId, String milestoneId, LocalDate completedOn,
                                 List<String> evidenceUrls, String note) implements CommitmentEvent {
    public MilestoneCompleted {
        evidenceUrls = Lists.orEmpty(evidenceUrls);
    }
}
