package mx.gobiernoabierto.compromisos.events;

import java.time.LocalDate;
import java.util.List;

/**
 * Progress of a milestone was logged during implementation.
 *
 * @param percent      a whole percent, 0–100; it becomes the milestone's progress
 * @param note         optional note; {@code null} when none
 * @param evidenceUrls {@code http}/{@code https} links to evidence, never {@code null}
 * @param reportedOn   the date the progress refers to, not in the future
 */
@EventRevision(1)
public record MilestoneProgressLogged(String commitmentId, String milestoneId, int percent, String note,
                                      List<String> evidenceUrls, LocalDate reportedOn) implements CommitmentEvent {
    public MilestoneProgressLogged {
        evidenceUrls = Lists.orEmpty(evidenceUrls);
    }
}
