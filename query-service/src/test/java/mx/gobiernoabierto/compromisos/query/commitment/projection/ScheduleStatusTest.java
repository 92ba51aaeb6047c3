package mx.gobiernoabierto.compromisos.query.commitment.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentFigures.Figures;

/**
 * Expected progress and schedule status on a date, for commitments in implementation only.
 * {@code isEqualTo("50.0")} on a {@link BigDecimal} also checks the scale, so every percentage is asserted to
 * carry exactly one decimal.
 */
class ScheduleStatusTest {

    // 2024-01-01 → 2024-04-10 is exactly 100 days (31 + 29 + 31 + 9), so a day is one percentage point;
    // on 2024-03-01, 60 days in, expected progress is 60.0
    private static final LocalDate START = LocalDate.parse("2024-01-01");
    private static final LocalDate END = LocalDate.parse("2024-04-10");
    private static final String DAY_60 = "2024-03-01";

    private Story implementingAt(int percent) {
        Story story = Story.drafted("c1", START, END, "16.6").milestone("m1", "1").implementing();
        return percent == 0 ? story : story.progress("m1", percent);
    }

    @Test
    void expectedProgressIsTheElapsedShareOfTheCommitmentsDays() {
        assertThat(implementingAt(0).figures(DAY_60).expectedProgress()).isEqualTo("60.0");
        // 2024-01-02: 1 / 100
        assertThat(implementingAt(0).figures("2024-01-02").expectedProgress()).isEqualTo("1.0");
        // 2024-01-01 → 2024-01-04 is 3 days; 2024-01-03 is 2 of them: 66.666… → 66.7
        assertThat(Story.drafted("c2", START, LocalDate.parse("2024-01-04")).milestone("m1", "1").implementing()
                .figures("2024-01-03").expectedProgress()).isEqualTo("66.7");
    }

    @Test
    void expectedProgressIsClampedBeforeTheStartAndAfterTheEnd() {
        assertThat(implementingAt(0).figures("2023-12-01").expectedProgress()).isEqualTo("0.0");
        assertThat(implementingAt(0).figures("2024-01-01").expectedProgress()).isEqualTo("0.0");
        assertThat(implementingAt(0).figures("2024-04-10").expectedProgress()).isEqualTo("100.0");
        assertThat(implementingAt(0).figures("2024-05-01").expectedProgress()).isEqualTo("100.0");
    }

    @Test
    void aOneDayCommitmentIsExpectedAtZeroBeforeItAndAt100FromItOn() {
        LocalDate day = LocalDate.parse("2024-06-01");
        Story story = Story.drafted("c1", day, day).milestone("m1", "1").implementing();

        assertThat(story.figures("2024-05-31").expectedProgress()).isEqualTo("0.0");
        assertThat(story.figures("2024-06-01").expectedProgress()).isEqualTo("100.0");
        assertThat(story.figures("2024-06-02").expectedProgress()).isEqualTo("100.0");
    }

    @Test
    void aheadOfScheduleIsOnTrack() {
        assertThat(implementingAt(70).figures(DAY_60).scheduleStatus()).isEqualTo("ON_TRACK");
    }

    @Test
    void exactlyTenPointsBehindIsStillOnTrack() {
        // 50 ≥ 60 − 10
        assertThat(implementingAt(50).figures(DAY_60).scheduleStatus()).isEqualTo("ON_TRACK");
    }

    @Test
    void moreThanTenPointsBehindIsAtRisk() {
        // 49 < 60 − 10, 49 ≥ 60 − 25
        assertThat(implementingAt(49).figures(DAY_60).scheduleStatus()).isEqualTo("AT_RISK");
    }

    @Test
    void exactlyTwentyFivePointsBehindIsStillAtRisk() {
        // 35 ≥ 60 − 25
        assertThat(implementingAt(35).figures(DAY_60).scheduleStatus()).isEqualTo("AT_RISK");
    }

    @Test
    void moreThanTwentyFivePointsBehindIsDelayed() {
        // 34 < 60 − 25
        assertThat(implementingAt(34).figures(DAY_60).scheduleStatus()).isEqualTo("DELAYED");
        assertThat(implementingAt(0).figures(DAY_60).scheduleStatus()).isEqualTo("DELAYED");
    }

    @Test
    void theScheduleStatusComparesUnroundedFigures() {
        // 2024-01-01 → 2026-09-27 is 1000 days; on 2026-02-06, 767 days in, expected is exactly 76.7.
        // weights 2, 1 at 100, 0: implementation 200 / 3 = 66.666… (shown 66.7) < 76.7 − 10 = 66.7 → AT_RISK,
        // although the rounded figures alone (66.7 ≥ 66.7) would say ON_TRACK
        Figures figures = Story.drafted("c1", START, LocalDate.parse("2026-09-27")).milestone("m1", "2")
                .milestone("m2", "1").implementing().progress("m1", 100).figures("2026-02-06");

        assertThat(figures.implementationProgress()).isEqualTo("66.7");
        assertThat(figures.expectedProgress()).isEqualTo("76.7");
        assertThat(figures.scheduleStatus()).isEqualTo("AT_RISK");
    }

    @Test
    void outsideImplementationThereIsNeitherExpectedProgressNorScheduleStatus() {
        Story draft = Story.drafted("c1", START, END).milestone("m1", "1");
        Story adopted = Story.drafted("c2", START, END).milestone("m1", "1").adopted();
        Story suspended = implementingAt(0).suspended(CommitmentStatus.IN_IMPLEMENTATION);
        Story completed = implementingAt(0).milestoneCompleted("m1", "2024-02-01", "https://a").completed();
        Story evaluated = implementingAt(0).milestoneCompleted("m1", "2024-02-01", "https://a").completed()
                .evaluated();
        Story cancelled = implementingAt(0).cancelled(CommitmentStatus.IN_IMPLEMENTATION);

        for (Story story : new Story[] {draft, adopted, suspended, completed, evaluated, cancelled}) {
            Figures figures = story.figures(DAY_60);
            assertThat(figures.expectedProgress()).as(story.state().status().name()).isNull();
            assertThat(figures.scheduleStatus()).as(story.state().status().name()).isNull();
        }
    }

    @Test
    void aResumedCommitmentHasAScheduleStatusAgain() {
        Story story = implementingAt(50).suspended(CommitmentStatus.IN_IMPLEMENTATION);
        assertThat(story.figures(DAY_60).scheduleStatus()).isNull();

        assertThat(story.resumed(CommitmentStatus.IN_IMPLEMENTATION).figures(DAY_60).scheduleStatus())
                .isEqualTo("ON_TRACK");
    }
}
