package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState.Indicator;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState.Measurement;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState.Milestone;

/**
 * The figures of one commitment on a date, as the domain defines them ("Figures the projections compute").
 *
 * <p>Every percentage is a {@link BigDecimal} of scale 1, rounded half up exactly once: intermediate values
 * (weighted sums, shares of days, means, the thresholds of the schedule status) are computed exactly, so a mean
 * is the mean of unrounded values and the schedule status compares unrounded values.
 *
 * <p>Overdue milestones are counted for a commitment in any status, {@code CANCELLED} and {@code EVALUATED}
 * included: the domain's definition ("not completed and its current due date is before d") does not depend on
 * the status, unlike expected progress and schedule status, and an auditor looking at a cancelled or evaluated
 * commitment should see which milestones were left undone past their date. Aggregates that should not count
 * them, such as {@link PlanProgress} for cancelled commitments, leave those commitments out themselves.
 */
public final class CommitmentFigures {

    /** The schedule status when implementation progress is at least expected − 10. */
    public static final String ON_TRACK = "ON_TRACK";
    /** The schedule status when implementation progress is below expected − 10 but at least expected − 25. */
    public static final String AT_RISK = "AT_RISK";
    /** The schedule status when implementation progress is below expected − 25. */
    public static final String DELAYED = "DELAYED";

    private static final Ratio ON_TRACK_TOLERANCE = Ratio.of(10);
    private static final Ratio AT_RISK_TOLERANCE = Ratio.of(25);

    private CommitmentFigures() {
    }

    /**
     * The figures of a commitment.
     *
     * @param implementationProgress Σ(weight × milestone progress) / Σ weight, 0–100; {@code 0.0} with no
     *                               milestones
     * @param milestonesTotal        all milestones
     * @param milestonesCompleted    completed milestones
     * @param milestonesOverdue      milestones overdue on the date, whatever the commitment's status
     * @param indicatorsTotal        all indicators
     * @param indicatorMeanProgress  the mean progress of the indicators that have a measurement, 0–100;
     *                               {@code null} if none has
     * @param expectedProgress       the elapsed share of [startDate, endDate] on the date, 0–100; {@code null}
     *                               unless {@code IN_IMPLEMENTATION}
     * @param scheduleStatus         {@code ON_TRACK}, {@code AT_RISK} or {@code DELAYED}; {@code null} unless
     *                               {@code IN_IMPLEMENTATION}
     * @param indicators             the figures of each indicator by indicator id, in definition order;
     *                               unmodifiable
     * @param overdueMilestones      the ids of the overdue milestones, in planning order; unmodifiable
     */
    public record Figures(BigDecimal implementationProgress, int milestonesTotal, int milestonesCompleted,
                          int milestonesOverdue, int indicatorsTotal, BigDecimal indicatorMeanProgress,
                          BigDecimal expectedProgress, String scheduleStatus, Map<String, IndicatorFigures> indicators,
                          Set<String> overdueMilestones) {
    }

    /**
     * The figures of one indicator; all three are {@code null} while it has no measurement.
     *
     * @param latestValue      the value of the latest measurement (latest {@code measuredOn}, ties: recorded
     *                         last), corrections applied
     * @param latestMeasuredOn that measurement's {@code measuredOn}
     * @param progress         the indicator's progress at that value, 0–100
     */
    public record IndicatorFigures(BigDecimal latestValue, LocalDate latestMeasuredOn, BigDecimal progress) {
    }

    /**
     * Computes the figures of a commitment on a date.
     *
     * @param state the folded commitment, never {@code null}
     * @param on    the date overdue milestones, expected progress and schedule status are computed for
     */
    public static Figures of(CommitmentState state, LocalDate on) {
        Ratio implementation = implementationProgress(state);

        int completed = 0;
        Set<String> overdue = new LinkedHashSet<>();
        for (Milestone milestone : state.milestones()) {
            if (milestone.completed()) {
                completed++;
            } else if (isOverdue(milestone, on)) {
                overdue.add(milestone.milestoneId());
            }
        }

        Map<String, IndicatorFigures> indicators = new LinkedHashMap<>();
        List<Ratio> measuredProgress = new ArrayList<>();
        for (Indicator indicator : state.indicators()) {
            Measurement latest = latestMeasurement(indicator);
            if (latest == null) {
                indicators.put(indicator.indicatorId(), new IndicatorFigures(null, null, null));
            } else {
                Ratio progress = exactIndicatorProgress(indicator, latest.value());
                measuredProgress.add(progress);
                indicators.put(indicator.indicatorId(),
                        new IndicatorFigures(latest.value(), latest.measuredOn(), progress.toPercent()));
            }
        }
        Ratio indicatorMean = Ratio.mean(measuredProgress);

        Ratio expected = null;
        String schedule = null;
        if (state.status() == CommitmentStatus.IN_IMPLEMENTATION) {
            expected = expectedProgress(state.startDate(), state.endDate(), on);
            schedule = scheduleStatus(implementation, expected);
        }

        return new Figures(implementation.toPercent(), state.milestones().size(), completed, overdue.size(),
                state.indicators().size(), indicatorMean == null ? null : indicatorMean.toPercent(),
                expected == null ? null : expected.toPercent(), schedule,
                Collections.unmodifiableMap(indicators), Collections.unmodifiableSet(overdue));
    }

    /**
     * The progress of an indicator at a value, 0–100 with one decimal: for {@code INCREASE}
     * (value − baseline) / (target − baseline) × 100, for {@code DECREASE} (baseline − value) / (baseline − target)
     * × 100, clamped to 0–100. Used for the latest value and for every point of a series.
     *
     * <p>The contract says target differs from baseline; should they be equal all the same, the progress is 100
     * once the value has reached the target in the indicator's direction and 0 before.
     *
     * @param indicator the indicator, giving baseline, target and direction
     * @param value     the measured value, never {@code null}
     */
    public static BigDecimal indicatorProgress(Indicator indicator, BigDecimal value) {
        return exactIndicatorProgress(indicator, value).toPercent();
    }

    /** Σ(weight × progress) / Σ weight, exact; 0 with no milestones. */
    static Ratio implementationProgress(CommitmentState state) {
        Ratio weighted = Ratio.ZERO;
        Ratio weights = Ratio.ZERO;
        for (Milestone milestone : state.milestones()) {
            Ratio weight = Ratio.of(milestone.weight());
            weighted = weighted.plus(weight.times(Ratio.of(milestoneProgress(milestone))));
            weights = weights.plus(weight);
        }
        return weights.signum() == 0 ? Ratio.ZERO : weighted.dividedBy(weights);
    }

    /** The latest logged percent; 100 once completed; 0 before any log (the fold starts it at 0). */
    static int milestoneProgress(Milestone milestone) {
        return milestone.completed() ? 100 : milestone.progress();
    }

    /** Not completed and its current due date is before {@code on}: due on {@code on} itself is not overdue. */
    static boolean isOverdue(Milestone milestone, LocalDate on) {
        return !milestone.completed() && milestone.dueDate() != null && milestone.dueDate().isBefore(on);
    }

    /** The measurement with the latest {@code measuredOn}, ties to the one recorded last; {@code null} if none. */
    static Measurement latestMeasurement(Indicator indicator) {
        return indicator.measurements().stream()
                .max(Comparator.comparing(Measurement::measuredOn).thenComparingLong(Measurement::recordedAt))
                .orElse(null);
    }

    static Ratio exactIndicatorProgress(Indicator indicator, BigDecimal value) {
        Ratio latest = Ratio.of(value);
        Ratio baseline = Ratio.of(indicator.baseline());
        Ratio target = Ratio.of(indicator.target());
        Ratio gained;
        Ratio needed;
        switch (indicator.direction()) {
            case INCREASE -> {
                gained = latest.minus(baseline);
                needed = target.minus(baseline);
            }
            case DECREASE -> {
                gained = baseline.minus(latest);
                needed = baseline.minus(target);
            }
            default -> throw new IllegalArgumentException("unknown direction " + indicator.direction());
        }
        if (needed.signum() == 0) {
            return gained.signum() >= 0 ? Ratio.HUNDRED : Ratio.ZERO;
        }
        return gained.dividedBy(needed).times(Ratio.HUNDRED).clamp(Ratio.ZERO, Ratio.HUNDRED);
    }

    /**
     * days(start → on) / days(start → end) × 100, clamped to 0–100; when start and end are the same day, 0 before
     * it and 100 from it on.
     */
    static Ratio expectedProgress(LocalDate start, LocalDate end, LocalDate on) {
        long total = ChronoUnit.DAYS.between(start, end);
        long elapsed = ChronoUnit.DAYS.between(start, on);
        if (total <= 0) {
            return on.isBefore(start) ? Ratio.ZERO : Ratio.HUNDRED;
        }
        return Ratio.of(elapsed, total).times(Ratio.HUNDRED).clamp(Ratio.ZERO, Ratio.HUNDRED);
    }

    static String scheduleStatus(Ratio implementation, Ratio expected) {
        if (implementation.isAtLeast(expected.minus(ON_TRACK_TOLERANCE))) {
            return ON_TRACK;
        }
        return implementation.isAtLeast(expected.minus(AT_RISK_TOLERANCE)) ? AT_RISK : DELAYED;
    }
}
