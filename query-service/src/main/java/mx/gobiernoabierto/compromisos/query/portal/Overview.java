package mx.gobiernoabierto.compromisos.query.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentFigures;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.query.commitment.projection.PlanProgress;
import mx.gobiernoabierto.compromisos.query.commitment.projection.SdgProgress;

/**
 * The figures of a selection of commitments (all, an STL's, a plan's) as the dashboard and a plan page show them.
 * Every figure comes from {@link PlanProgress}, {@link CommitmentFigures} and {@link SdgProgress}; this class only
 * gathers them and counts the commitments on track, which the plan figures do not carry.
 *
 * @param total             commitments in the selection
 * @param byStatus          how many are in each status, every status listed
 * @param progress          the plan figures of the selection (mean implementation progress, at risk, delayed,
 *                          overdue milestones)
 * @param onTrack           commitments in implementation whose schedule status is on track
 * @param inImplementation  commitments in implementation (the ones that have a schedule status)
 * @param goals             all 17 SDG goals, each with the selection's figures (zero commitments where none)
 */
record Overview(int total, List<StatusCount> byStatus, PlanProgress.Result progress, int onTrack,
                int inImplementation, List<GoalFigures> goals) {

    record StatusCount(String status, int commitments) {
    }

    /**
     * One SDG goal: its number and colour, and its figures over the selection.
     *
     * @param meanImplementationProgress {@code null} when no commitment is aligned to it
     */
    record GoalFigures(int goal, String colour, int commitments, BigDecimal meanImplementationProgress,
                       List<SdgProgress.Target> targets) {
    }

    static Overview of(Collection<CommitmentState> commitments, LocalDate on) {
        PlanProgress.Result progress = PlanProgress.of(null, null, null, commitments, on);
        int onTrack = 0;
        int inImplementation = 0;
        for (CommitmentState commitment : commitments) {
            String schedule = CommitmentFigures.of(commitment, on).scheduleStatus();
            if (schedule != null) {
                inImplementation++;
            }
            if (CommitmentFigures.ON_TRACK.equals(schedule)) {
                onTrack++;
            }
        }
        List<StatusCount> byStatus = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : progress.commitmentsByStatus().entrySet()) {
            byStatus.add(new StatusCount(entry.getKey(), entry.getValue()));
        }
        return new Overview(commitments.size(), byStatus, progress, onTrack, inImplementation, goals(commitments));
    }

    private static List<GoalFigures> goals(Collection<CommitmentState> commitments) {
        SdgProgress.Result sdg = SdgProgress.of(commitments);
        List<GoalFigures> goals = new ArrayList<>();
        for (int goal = 1; goal <= Sdg.GOALS; goal++) {
            int n = goal;
            SdgProgress.Goal figures = sdg.goals().stream().filter(g -> g.goal() == n).findFirst().orElse(null);
            goals.add(figures == null
                    ? new GoalFigures(goal, Sdg.colour(goal), 0, null, List.of())
                    : new GoalFigures(goal, Sdg.colour(goal), figures.commitments(),
                    figures.meanImplementationProgress(), figures.targets()));
        }
        return goals;
    }

    /** The share of the selection in a status, for a bar's length: 0–100. */
    public double share(int count) {
        return total == 0 ? 0 : 100.0 * count / total;
    }
}
