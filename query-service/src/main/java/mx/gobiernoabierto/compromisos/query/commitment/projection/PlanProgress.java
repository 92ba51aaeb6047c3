package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;

/**
 * The progress of a Local Action Plan on a date, from the folded states of its commitments.
 *
 * <p>Cancelled commitments are counted in {@code commitmentsByStatus} and nowhere else: they take no part in the
 * mean implementation progress (as the domain says) nor in the overdue milestones, since nobody is going to
 * complete a cancelled commitment's milestones. They never have a schedule status, so they are never at risk or
 * delayed either.
 */
public final class PlanProgress {

    private PlanProgress() {
    }

    /**
     * A plan's progress.
     *
     * @param planId                     the plan's id
     * @param stlId                      the STL owning it
     * @param title                      the plan's title
     * @param commitmentsByStatus        the number of commitments in each {@link CommitmentStatus}, every status
     *                                   present (zeros included) in the enum's order; unmodifiable
     * @param meanImplementationProgress the mean implementation progress of the commitments that are not
     *                                   {@code CANCELLED}, 0–100; {@code null} if there are none
     * @param atRisk                     commitments whose schedule status is {@code AT_RISK} on the date
     * @param delayed                    commitments whose schedule status is {@code DELAYED} on the date
     * @param overdueMilestones          milestones overdue on the date, over the commitments that are not
     *                                   {@code CANCELLED}
     */
    public record Result(String planId, String stlId, String title, Map<String, Integer> commitmentsByStatus,
                         BigDecimal meanImplementationProgress, int atRisk, int delayed, int overdueMilestones) {
    }

    /**
     * Computes a plan's progress.
     *
     * @param planId      the plan's id, copied into the result
     * @param stlId       the STL's id, copied into the result
     * @param title       the plan's title, copied into the result
     * @param commitments the folded states of the plan's commitments (the caller selects them; none is filtered
     *                    out by plan here)
     * @param on          the date of schedule status and overdue milestones
     */
    public static Result of(String planId, String stlId, String title, Collection<CommitmentState> commitments,
                            LocalDate on) {
        Map<CommitmentStatus, Integer> counts = new LinkedHashMap<>();
        for (CommitmentStatus status : CommitmentStatus.values()) {
            counts.put(status, 0);
        }
        List<Ratio> progress = new ArrayList<>();
        int atRisk = 0;
        int delayed = 0;
        int overdue = 0;
        for (CommitmentState commitment : commitments) {
            counts.merge(commitment.status(), 1, Integer::sum);
            if (commitment.status() == CommitmentStatus.CANCELLED) {
                continue;
            }
            progress.add(CommitmentFigures.implementationProgress(commitment));
            CommitmentFigures.Figures figures = CommitmentFigures.of(commitment, on);
            if (CommitmentFigures.AT_RISK.equals(figures.scheduleStatus())) {
                atRisk++;
            } else if (CommitmentFigures.DELAYED.equals(figures.scheduleStatus())) {
                delayed++;
            }
            overdue += figures.milestonesOverdue();
        }
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        counts.forEach((status, n) -> byStatus.put(status.name(), n));
        Ratio mean = Ratio.mean(progress);
        return new Result(planId, stlId, title, Collections.unmodifiableMap(byStatus),
                mean == null ? null : mean.toPercent(), atRisk, delayed, overdue);
    }
}
