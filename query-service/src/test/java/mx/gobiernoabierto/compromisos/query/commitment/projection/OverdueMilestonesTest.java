package mx.gobiernoabierto.compromisos.query.commitment.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentFigures.Figures;

/**
 * Overdue milestones on a date: not completed and the current due date before it.
 */
class OverdueMilestonesTest {

    private Story dueOnTheTenthOfMarch() {
        return Story.drafted("c1", LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"))
                .milestone("m1", "2024-03-10", "1").milestone("m2", "2024-12-31", "1").implementing();
    }

    @Test
    void aMilestoneDueTheDayBeforeIsOverdue() {
        Figures figures = dueOnTheTenthOfMarch().figures("2024-03-11");

        assertThat(figures.milestonesOverdue()).isEqualTo(1);
        assertThat(figures.overdueMilestones()).containsExactly("m1");
    }

    @Test
    void aMilestoneDueThatDayIsNotOverdue() {
        Figures figures = dueOnTheTenthOfMarch().figures("2024-03-10");

        assertThat(figures.milestonesOverdue()).isZero();
        assertThat(figures.overdueMilestones()).isEmpty();
    }

    @Test
    void aRescheduledMilestoneIsOverdueAfterItsNewDateOnly() {
        Story story = dueOnTheTenthOfMarch().rescheduled("m1", "2024-03-10", "2024-03-20");

        assertThat(story.figures("2024-03-11").milestonesOverdue()).isZero();
        assertThat(story.figures("2024-03-20").milestonesOverdue()).isZero();
        assertThat(story.figures("2024-03-21").overdueMilestones()).containsExactly("m1");
    }

    @Test
    void aCompletedMilestoneIsNeverOverdue() {
        Story story = dueOnTheTenthOfMarch().milestoneCompleted("m1", "2024-03-09", "https://a");

        assertThat(story.figures("2024-06-01").milestonesOverdue()).isZero();
    }

    @Test
    void aMilestoneInProgressPastItsDateIsOverdue() {
        Story story = dueOnTheTenthOfMarch().progress("m1", 99);

        assertThat(story.figures("2024-03-11").overdueMilestones()).containsExactly("m1");
    }

    @Test
    void overdueMilestonesAreCountedWhateverTheCommitmentsStatus() {
        Story adopted = Story.drafted("c1", LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"))
                .milestone("m1", "2024-03-10", "1").adopted();
        Story suspended = dueOnTheTenthOfMarch().suspended(CommitmentStatus.IN_IMPLEMENTATION);
        Story cancelled = dueOnTheTenthOfMarch().cancelled(CommitmentStatus.IN_IMPLEMENTATION);

        assertThat(adopted.figures("2024-03-11").milestonesOverdue()).isEqualTo(1);
        assertThat(suspended.figures("2024-03-11").milestonesOverdue()).isEqualTo(1);
        assertThat(cancelled.figures("2024-03-11").milestonesOverdue()).isEqualTo(1);
    }
}
