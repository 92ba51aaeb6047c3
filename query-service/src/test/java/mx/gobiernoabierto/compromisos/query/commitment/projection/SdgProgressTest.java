package mx.gobiernoabierto.compromisos.query.commitment.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.query.commitment.projection.SdgProgress.Goal;
import mx.gobiernoabierto.compromisos.query.commitment.projection.SdgProgress.Target;

class SdgProgressTest {

    private static final LocalDate START = LocalDate.parse("2024-01-01");
    private static final LocalDate END = LocalDate.parse("2025-12-31");

    /** One milestone of weight 1, logged at {@code percent}; aligned to {@code targets}. */
    private static Story at(String id, int percent, String... targets) {
        Story story = Story.drafted(id, START, END, targets).milestone("m1", "1").implementing();
        return percent == 0 ? story : story.progress("m1", percent);
    }

    @Test
    void groupsByGoalAndTargetInNumericOrderLeavingCancelledOut() {
        CommitmentState a = at("a", 50, "16.10", "16.2", "16.a", "5.5").state();
        CommitmentState b = at("b", 25, "16.2", "16.6").state();
        CommitmentState cancelled = at("c", 100, "1.1", "16.2").cancelled(CommitmentStatus.IN_IMPLEMENTATION).state();
        // a target named twice counts once
        CommitmentState d = at("d", 100, "5.5", "5.5").state();
        CommitmentState e = at("e", 0, "16.b", "10.2").state();

        List<Goal> goals = SdgProgress.of(List.of(a, b, cancelled, d, e)).goals();

        // 5 before 10 before 16 (numerically, not as text); no goal 1: only the cancelled commitment named it
        assertThat(goals).extracting(Goal::goal).containsExactly(5, 10, 16);

        // goal 5: a and d, (50 + 100) / 2 = 75.0
        assertThat(goals.get(0)).isEqualTo(new Goal(5, 2, new BigDecimal("75.0"),
                List.of(new Target("5.5", 2, new BigDecimal("75.0")))));
        // goal 10: e alone at 0
        assertThat(goals.get(1)).isEqualTo(new Goal(10, 1, new BigDecimal("0.0"),
                List.of(new Target("10.2", 1, new BigDecimal("0.0")))));
        // goal 16: a (once, although it names three of its targets), b and e: (50 + 25 + 0) / 3 = 25.0;
        // targets 16.2 before 16.6 before 16.10, then the lettered ones; c's 16.2 is left out
        assertThat(goals.get(2)).isEqualTo(new Goal(16, 3, new BigDecimal("25.0"), List.of(
                new Target("16.2", 2, new BigDecimal("37.5")),    // a, b: (50 + 25) / 2
                new Target("16.6", 1, new BigDecimal("25.0")),    // b
                new Target("16.10", 1, new BigDecimal("50.0")),   // a
                new Target("16.a", 1, new BigDecimal("50.0")),    // a
                new Target("16.b", 1, new BigDecimal("0.0")))));  // e
    }

    @Test
    void meansAreMeansOfUnroundedProgress() {
        // 200 / 3 = 66.666… and 0: (66.666… + 0) / 2 = 33.333… → 33.3 (the shown 66.7 and 0 would give 33.4)
        CommitmentState twoThirds = Story.drafted("a", START, END, "3.1").milestone("m1", "2").milestone("m2", "1")
                .implementing().progress("m1", 100).state();
        CommitmentState none = at("b", 0, "3.1").state();

        Goal goal = SdgProgress.of(List.of(twoThirds, none)).goals().getFirst();

        assertThat(goal.meanImplementationProgress()).isEqualTo("33.3");
        assertThat(goal.targets().getFirst().meanImplementationProgress()).isEqualTo("33.3");
    }

    @Test
    void noCommitmentsOrOnlyCancelledOnesGiveNoGoals() {
        CommitmentState cancelled = at("a", 10, "16.6").cancelled(CommitmentStatus.IN_IMPLEMENTATION).state();

        assertThat(SdgProgress.of(List.of()).goals()).isEmpty();
        assertThat(SdgProgress.of(List.of(cancelled)).goals()).isEmpty();
    }

    @Test
    void commitmentsOfEveryOtherStatusCount() {
        CommitmentState draft = Story.drafted("a", START, END, "16.6").state();
        CommitmentState suspended = at("b", 40, "16.6").suspended(CommitmentStatus.IN_IMPLEMENTATION).state();

        Goal goal = SdgProgress.of(List.of(draft, suspended)).goals().getFirst();

        // (0 + 40) / 2 = 20.0
        assertThat(goal.commitments()).isEqualTo(2);
        assertThat(goal.meanImplementationProgress()).isEqualTo("20.0");
    }
}
