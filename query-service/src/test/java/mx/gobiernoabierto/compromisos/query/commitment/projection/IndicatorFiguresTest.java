package mx.gobiernoabierto.compromisos.query.commitment.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.events.Direction;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentFigures.Figures;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentFigures.IndicatorFigures;

/**
 * Latest value, indicator progress and the mean indicator progress of a commitment.
 * {@code isEqualTo("50.0")} on a {@link BigDecimal} also checks the scale, so every percentage is asserted to
 * carry exactly one decimal.
 */
class IndicatorFiguresTest {

    private static final String ANY_DAY = "2024-06-01";

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
