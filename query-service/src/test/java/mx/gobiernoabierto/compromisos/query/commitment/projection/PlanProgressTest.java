package mx.gobiernoabierto.compromisos.query.commitment.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;

class PlanProgressTest {

    // 2024-01-01 → 2024-04-10 is 100 days; on 2024-03-01 (60 days in) expected progress is 60.0
    private static final LocalDate START = LocalDate.parse("2024-01-01");
    private static final LocalDate END = LocalDate.parse("2024-04-10");
    private static final LocalDate DAY_60 = LocalDate.parse("2024-03-01");

    /** One milestone of weight 1 due at the end, logged at {@code percent}. */
    private static Story implementingAt(String id, int percent) {
        Story story = Story.drafted(id, START, END).milestone("m1", "1").implementing();
        return percent == 0 ? story : story.progress("m1", percent);
    }

    private static PlanProgress.Result progress(List<CommitmentState> commitments) {
        return PlanProgress.of("plan-1", "stl-jalisco", "PAL Jalisco 2024-2026", commitments, DAY_60);
    }

    @Test
    void countsCommitmentsByStatusMeansProgressAndCountsRiskDelayAndOverdue() {
        CommitmentState onTrack = implementingAt("a", 50).state();          // 50 ≥ 60 − 10
        CommitmentState atRisk = implementingAt("b", 40).state();           // 40 < 50, ≥ 35
        // (20 + 0) / 2 = 10 < 35 → DELAYED; m1 due 2024-02-01 is overdue on 2024-03-01
        CommitmentState delayed = Story.drafted("c", START, END).milestone("m1", "2024-02-01", "1")
                .milestone("m2", "1").implementing().progress("m1", 20).state();
        // cancelled: counted by status only, although at 90 and with an overdue milestone
        CommitmentState cancelled = Story.drafted("d", START, END).milestone("m1", "2024-02-01", "1")
                .implementing().progress("m1", 90).cancelled(CommitmentStatus.IN_IMPLEMENTATION).state();
        // a draft with a milestone due 2024-02-15: 0 progress, one overdue milestone
        CommitmentState draft = Story.drafted("e", START, END).milestone("m1", "2024-02-15", "1").state();
        // suspended at 30: no schedule status
        CommitmentState suspended = implementingAt("f", 30).suspended(CommitmentStatus.IN_IMPLEMENTATION).state();

        PlanProgress.Result result = progress(List.of(onTrack, atRisk, delayed, cancelled, draft, suspended));

        assertThat(result.planId()).isEqualTo("plan-1");
        assertThat(result.stlId()).isEqualTo("stl-jalisco");
        assertThat(result.title()).isEqualTo("PAL Jalisco 2024-2026");
        assertThat(result.commitmentsByStatus()).containsExactly(entry("DRAFT", 1), entry("ADOPTED", 0),
                entry("IN_IMPLEMENTATION", 3), entry("SUSPENDED", 1), entry("COMPLETED", 0), entry("EVALUATED", 0),
                entry("CANCELLED", 1));
        // over the five not cancelled: (50 + 40 + 10 + 0 + 30) / 5 = 130 / 5 = 26.0
        assertThat(result.meanImplementationProgress()).isEqualTo("26.0");
        assertThat(result.atRisk()).isEqualTo(1);
        assertThat(result.delayed()).isEqualTo(1);
        // c's m1 and e's m1; d's is left out with d
        assertThat(result.overdueMilestones()).isEqualTo(2);
    }

    @Test
    void theMeanIsTheMeanOfUnroundedProgress() {
        // 200 / 3 = 66.666… (shown 66.7) and 0: mean 33.333… → 33.3 (the mean of the shown ones would be 33.35 → 33.4)
        CommitmentState twoThirds = Story.drafted("a", START, END).milestone("m1", "2").milestone("m2", "1")
                .implementing().progress("m1", 100).state();
        CommitmentState none = implementingAt("b", 0).state();

        assertThat(progress(List.of(twoThirds, none)).meanImplementationProgress()).isEqualTo("33.3");
    }

    @Test
    void aPlanWithoutCommitmentsHasZeroCountsAndNoMean() {
        PlanProgress.Result result = progress(List.of());

        assertThat(result.commitmentsByStatus()).hasSize(CommitmentStatus.values().length).containsValues(0)
                .doesNotContainValue(1);
        assertThat(result.commitmentsByStatus().keySet()).containsExactly("DRAFT", "ADOPTED", "IN_IMPLEMENTATION",
                "SUSPENDED", "COMPLETED", "EVALUATED", "CANCELLED");
        assertThat(result.meanImplementationProgress()).isNull();
        assertThat(result.atRisk()).isZero();
        assertThat(result.delayed()).isZero();
        assertThat(result.overdueMilestones()).isZero();
    }

    @Test
    void aPlanWhoseCommitmentsAreAllCancelledHasNoMean() {
        CommitmentState cancelled = implementingAt("a", 80).cancelled(CommitmentStatus.IN_IMPLEMENTATION).state();

        PlanProgress.Result result = progress(List.of(cancelled));

        assertThat(result.commitmentsByStatus()).containsEntry("CANCELLED", 1);
        assertThat(result.meanImplementationProgress()).isNull();
    }

    @Test
    void completedAndEvaluatedCommitmentsCountInTheMean() {
        CommitmentState completed = implementingAt("a", 0).milestoneCompleted("m1", "2024-02-01", "https://a")
                .completed().state();
        CommitmentState evaluated = implementingAt("b", 50).evaluated().state();

        PlanProgress.Result result = progress(List.of(completed, evaluated));

        // (100 + 50) / 2 = 75.0
        assertThat(result.meanImplementationProgress()).isEqualTo("75.0");
        assertThat(result.commitmentsByStatus()).containsEntry("COMPLETED", 1).containsEntry("EVALUATED", 1);
        assertThat(result.atRisk()).isZero();
        assertThat(result.delayed()).isZero();
    }
}
