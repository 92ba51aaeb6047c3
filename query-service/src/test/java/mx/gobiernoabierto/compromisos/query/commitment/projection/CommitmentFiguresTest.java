package mx.gobiernoabierto.compromisos.query.commitment.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.Direction;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentFigures.Figures;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentFigures.IndicatorFigures;

/**
 * The figures of domain.md on hand-computed cases. {@code isEqualTo("50.0")} on a {@link BigDecimal} also checks
 * the scale, so every percentage is asserted to carry exactly one decimal.
 */
class CommitmentFiguresTest {

    private static final String ANY_DAY = "2024-06-01";

    @Nested
    class ImplementationProgress {

        @Test
        void isZeroPointZeroWithoutMilestones() {
            assertThat(Story.drafted("c1").figures(ANY_DAY).implementationProgress()).isEqualTo("0.0");
        }

        @Test
        void aMilestoneIsAtZeroBeforeAnyLogAtItsLatestLogAndAt100OnceCompleted() {
            Story story = Story.drafted("c1").milestone("m1", "1").implementing();
            assertThat(story.figures(ANY_DAY).implementationProgress()).isEqualTo("0.0");
            // 80 then 60: the latest logged percent counts, not the highest
            assertThat(story.progress("m1", 80).progress("m1", 60).figures(ANY_DAY).implementationProgress())
                    .isEqualTo("60.0");
            assertThat(story.milestoneCompleted("m1", "2024-05-01", "https://a").figures(ANY_DAY)
                    .implementationProgress()).isEqualTo("100.0");
        }

        @Test
        void weighsEachMilestoneByItsWeight() {
            // weights 1, 2, 1 at 100, 50, 0: (1×100 + 2×50 + 1×0) / (1+2+1) = 200 / 4 = 50.0
            Figures figures = Story.drafted("c1").milestone("m1", "1").milestone("m2", "2").milestone("m3", "1")
                    .implementing().milestoneCompleted("m1", "2024-05-01", "https://a").progress("m2", 50)
                    .figures(ANY_DAY);

            assertThat(figures.implementationProgress()).isEqualTo("50.0");
            assertThat(figures.milestonesTotal()).isEqualTo(3);
            assertThat(figures.milestonesCompleted()).isEqualTo(1);
        }

        @Test
        void roundsTwoThirdsUpAndOneThirdDown() {
            // weights 2, 1 at 100, 0: 200 / 3 = 66.666… → 66.7
            assertThat(Story.drafted("c1").milestone("m1", "2").milestone("m2", "1").implementing()
                    .progress("m1", 100).figures(ANY_DAY).implementationProgress()).isEqualTo("66.7");
            // weights 1, 2 at 100, 0: 100 / 3 = 33.333… → 33.3
            assertThat(Story.drafted("c2").milestone("m1", "1").milestone("m2", "2").implementing()
                    .progress("m1", 100).figures(ANY_DAY).implementationProgress()).isEqualTo("33.3");
        }

        @Test
        void roundsHalfUpWhenLandingExactlyOnFive() {
            // four of weight 1 at 49, 0, 0, 0: 49 / 4 = 12.25 → 12.3 (half-even would say 12.2)
            assertThat(Story.drafted("c1").milestone("m1", "1").milestone("m2", "1").milestone("m3", "1")
                    .milestone("m4", "1").implementing().progress("m1", 49).figures(ANY_DAY).implementationProgress())
                    .isEqualTo("12.3");
            // decimal weights 0.5, 1.5 at 49, 0: 24.5 / 2 = 12.25 → 12.3
            assertThat(Story.drafted("c2").milestone("m1", "0.5").milestone("m2", "1.5").implementing()
                    .progress("m1", 49).figures(ANY_DAY).implementationProgress()).isEqualTo("12.3");
        }

        @Test
        void roundsFiveHundredthsUpAndLessDown() {
            // weights 1, 19 at 1, 0: 1 / 20 = 0.05 → 0.1
            assertThat(Story.drafted("c1").milestone("m1", "1").milestone("m2", "19").implementing()
                    .progress("m1", 1).figures(ANY_DAY).implementationProgress()).isEqualTo("0.1");
            // weights 1, 20 at 1, 0: 1 / 21 = 0.0476… → 0.0
            assertThat(Story.drafted("c2").milestone("m1", "1").milestone("m2", "20").implementing()
                    .progress("m1", 1).figures(ANY_DAY).implementationProgress()).isEqualTo("0.0");
        }
    }

    @Nested
    class Indicators {

        private Story withIndicator(Direction direction, String baseline, String target) {
            return Story.drafted("c1").milestone("m1", "1").indicator("i1", direction, baseline, target)
                    .implementing();
        }

        @Test
        void anIndicatorWithoutMeasurementHasNoValueAndNoProgress() {
            Figures figures = withIndicator(Direction.INCREASE, "0", "100").figures(ANY_DAY);

            assertThat(figures.indicatorsTotal()).isEqualTo(1);
            assertThat(figures.indicators().get("i1")).isEqualTo(new IndicatorFigures(null, null, null));
            assertThat(figures.indicatorMeanProgress()).isNull();
        }

        @Test
        void increaseProgressIsTheShareOfTheWayFromBaselineToTarget() {
            // (58.7 − 12.5) / (90 − 12.5) × 100 = 46.2 / 77.5 × 100 = 59.6129… → 59.6
            IndicatorFigures figures = withIndicator(Direction.INCREASE, "12.5", "90")
                    .measured("i1", "ms1", "58.7", "2025-03-31").figures(ANY_DAY).indicators().get("i1");

            assertThat(figures.latestValue()).isEqualByComparingTo("58.7");
            assertThat(figures.latestMeasuredOn()).isEqualTo("2025-03-31");
            assertThat(figures.progress()).isEqualTo("59.6");
        }

        @Test
        void decreaseProgressIsTheShareOfTheWayDownFromBaselineToTarget() {
            // (40 − 25) / (40 − 10) × 100 = 15 / 30 × 100 = 50.0
            assertThat(withIndicator(Direction.DECREASE, "40", "10").measured("i1", "ms1", "25", "2024-04-01")
                    .figures(ANY_DAY).indicators().get("i1").progress()).isEqualTo("50.0");
            // (40 − 32.5) / 30 × 100 = 25.0
            assertThat(withIndicator(Direction.DECREASE, "40", "10").measured("i1", "ms1", "32.5", "2024-04-01")
                    .figures(ANY_DAY).indicators().get("i1").progress()).isEqualTo("25.0");
            // (40 − 35.1) / (40 − 0) × 100 = 4.9 / 40 × 100 = 12.25 → 12.3
            assertThat(withIndicator(Direction.DECREASE, "40", "0").measured("i1", "ms1", "35.1", "2024-04-01")
                    .figures(ANY_DAY).indicators().get("i1").progress()).isEqualTo("12.3");
        }

        @Test
        void progressBeyondTheTargetIsClampedTo100() {
            // INCREASE (80 − 0) / (50 − 0) × 100 = 160 → 100.0
            assertThat(withIndicator(Direction.INCREASE, "0", "50").measured("i1", "ms1", "80", "2024-04-01")
                    .figures(ANY_DAY).indicators().get("i1").progress()).isEqualTo("100.0");
            // DECREASE (40 − 5) / (40 − 10) × 100 = 116.7 → 100.0
            assertThat(withIndicator(Direction.DECREASE, "40", "10").measured("i1", "ms1", "5", "2024-04-01")
                    .figures(ANY_DAY).indicators().get("i1").progress()).isEqualTo("100.0");
        }

        @Test
        void progressWorseThanTheBaselineIsClampedToZero() {
            // INCREASE (5 − 10) / (20 − 10) × 100 = −50 → 0.0
            assertThat(withIndicator(Direction.INCREASE, "10", "20").measured("i1", "ms1", "5", "2024-04-01")
                    .figures(ANY_DAY).indicators().get("i1").progress()).isEqualTo("0.0");
            // DECREASE (40 − 45) / (40 − 10) × 100 = −16.7 → 0.0
            assertThat(withIndicator(Direction.DECREASE, "40", "10").measured("i1", "ms1", "45", "2024-04-01")
                    .figures(ANY_DAY).indicators().get("i1").progress()).isEqualTo("0.0");
        }

        @Test
        void theLatestValueIsTheOneMeasuredLastNotTheOneRecordedLast() {
            // ms2 is recorded after ms1 but measured earlier (a backfill): ms1 stays the latest
            IndicatorFigures figures = withIndicator(Direction.INCREASE, "0", "100")
                    .measured("i1", "ms1", "60", "2025-06-30").measured("i1", "ms2", "40", "2025-03-31")
                    .figures(ANY_DAY).indicators().get("i1");

            assertThat(figures.latestValue()).isEqualByComparingTo("60");
            assertThat(figures.latestMeasuredOn()).isEqualTo("2025-06-30");
            assertThat(figures.progress()).isEqualTo("60.0");
        }

        @Test
        void measurementsOfTheSameDayAreResolvedByRecordingOrder() {
            // both measured on 2025-06-30: the one recorded last (ms2) wins, whatever its value
            Story story = withIndicator(Direction.INCREASE, "0", "100")
                    .measured("i1", "ms1", "45", "2025-06-30").measured("i1", "ms2", "40", "2025-06-30");
            assertThat(story.figures(ANY_DAY).indicators().get("i1").latestValue()).isEqualByComparingTo("40");

            // correcting the first does not make it the later one
            story.corrected("i1", "ms1", "45", "47");
            assertThat(story.figures(ANY_DAY).indicators().get("i1").progress()).isEqualTo("40.0");
        }

        @Test
        void correctingTheLatestMeasurementChangesTheLatestValue() {
            // ms2 (2025-06-30) is the latest; corrected from 60 to 50 → progress 50 / 100 × 100 = 50.0
            IndicatorFigures figures = withIndicator(Direction.INCREASE, "0", "100")
                    .measured("i1", "ms1", "40", "2025-03-31").measured("i1", "ms2", "60", "2025-06-30")
                    .corrected("i1", "ms2", "60", "50").figures(ANY_DAY).indicators().get("i1");

            assertThat(figures.latestValue()).isEqualByComparingTo("50");
            assertThat(figures.progress()).isEqualTo("50.0");
        }

        @Test
        void correctingAnOlderMeasurementLeavesTheLatestValueAlone() {
            // ms1 (2025-03-31) corrected from 40 to 90 is still older than ms2 (2025-06-30) at 60
            IndicatorFigures figures = withIndicator(Direction.INCREASE, "0", "100")
                    .measured("i1", "ms1", "40", "2025-03-31").measured("i1", "ms2", "60", "2025-06-30")
                    .corrected("i1", "ms1", "40", "90").figures(ANY_DAY).indicators().get("i1");

            assertThat(figures.latestValue()).isEqualByComparingTo("60");
            assertThat(figures.latestMeasuredOn()).isEqualTo("2025-06-30");
            assertThat(figures.progress()).isEqualTo("60.0");
        }

        @Test
        void theMeanProgressCountsOnlyIndicatorsWithAMeasurement() {
            // i1 at 50 of 0→100 = 50, i2 unmeasured, i3 at 20 of 0→100 = 20: (50 + 20) / 2 = 35.0
            Figures figures = Story.drafted("c1").milestone("m1", "1")
                    .indicator("i1", Direction.INCREASE, "0", "100").indicator("i2", Direction.INCREASE, "0", "100")
                    .indicator("i3", Direction.INCREASE, "0", "100").implementing()
                    .measured("i1", "ms1", "50", "2024-04-01").measured("i3", "ms3", "20", "2024-04-01")
                    .figures(ANY_DAY);

            assertThat(figures.indicatorsTotal()).isEqualTo(3);
            assertThat(figures.indicators()).containsOnlyKeys("i1", "i2", "i3");
            assertThat(figures.indicators().get("i2").progress()).isNull();
            assertThat(figures.indicatorMeanProgress()).isEqualTo("35.0");
        }

        @Test
        void theMeanProgressIsTheMeanOfUnroundedProgress() {
            // i1 at 0.06 → 0.1 shown, i2 at 0.02 → 0.0 shown; mean (0.06 + 0.02) / 2 = 0.04 → 0.0
            // (the mean of the rounded ones, 0.05, would have given 0.1)
            Figures figures = Story.drafted("c1").milestone("m1", "1")
                    .indicator("i1", Direction.INCREASE, "0", "100").indicator("i2", Direction.INCREASE, "0", "100")
                    .implementing().measured("i1", "ms1", "0.06", "2024-04-01").measured("i2", "ms2", "0.02", "2024-04-01")
                    .figures(ANY_DAY);

            assertThat(figures.indicators().get("i1").progress()).isEqualTo("0.1");
            assertThat(figures.indicators().get("i2").progress()).isEqualTo("0.0");
            assertThat(figures.indicatorMeanProgress()).isEqualTo("0.0");
        }

        @Test
        void aSeriesPointGetsTheProgressOfItsOwnValue() {
            CommitmentState.Indicator indicator = withIndicator(Direction.INCREASE, "12.5", "90").state()
                    .indicators().getFirst();

            // (12.5 − 12.5) / 77.5 = 0.0; (51.25 − 12.5) / 77.5 × 100 = 38.75 / 77.5 × 100 = 50.0
            assertThat(CommitmentFigures.indicatorProgress(indicator, new BigDecimal("12.5"))).isEqualTo("0.0");
            assertThat(CommitmentFigures.indicatorProgress(indicator, new BigDecimal("51.25"))).isEqualTo("50.0");
            assertThat(CommitmentFigures.indicatorProgress(indicator, new BigDecimal("95"))).isEqualTo("100.0");
        }

        @Test
        void anIndicatorWhoseTargetEqualsItsBaselineIsDoneOnceTheValueGetsThere() {
            // outside the contract (target differs from baseline) but must not divide by zero
            CommitmentState.Indicator indicator = withIndicator(Direction.DECREASE, "10", "10").state()
                    .indicators().getFirst();

            assertThat(CommitmentFigures.indicatorProgress(indicator, new BigDecimal("11"))).isEqualTo("0.0");
            assertThat(CommitmentFigures.indicatorProgress(indicator, new BigDecimal("10"))).isEqualTo("100.0");
        }
    }

    @Nested
    class ExpectedProgressAndScheduleStatus {

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

    @Nested
    class OverdueMilestones {

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
}
