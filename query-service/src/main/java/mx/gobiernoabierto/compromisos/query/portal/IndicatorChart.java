package mx.gobiernoabierto.compromisos.query.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import mx.gobiernoabierto.compromisos.query.commitment.web.CommitmentViews;

/**
 * The geometry of an indicator's chart, drawn on the server as SVG: its measurements over time (corrections
 * applied) with the baseline and the target as horizontal lines. Only coordinates are computed here; the values
 * are the view's, and the page shows them in a table beside the chart.
 *
 * @param points   one per measurement, in order of {@code measuredOn}
 * @param polyline the points as an SVG {@code points} attribute
 * @param baseline the baseline's line, at its value
 * @param target   the target's line, at its value
 */
record IndicatorChart(int width, int height, int left, int right, int top, int bottom, List<Point> points,
                      String polyline, Line baseline, Line target, List<Tick> xTicks) {

    static final int WIDTH = 640;
    static final int HEIGHT = 280;
    private static final int LEFT = 16;
    private static final int RIGHT = 16;
    private static final int TOP = 24;
    private static final int BOTTOM = 40;

    record Point(double x, double y, LocalDate measuredOn, BigDecimal value) {
    }

    record Line(double y, BigDecimal value) {
    }

    record Tick(double x, LocalDate date) {
    }

    static IndicatorChart of(CommitmentViews.Indicator indicator) {
        List<CommitmentViews.Measurement> measurements = indicator.measurements().stream()
                .sorted(Comparator.comparing(CommitmentViews.Measurement::measuredOn))
                .toList();
        LocalDate from = indicator.baselineDate();
        LocalDate to = indicator.targetDate();
        BigDecimal low = indicator.baseline().min(indicator.target());
        BigDecimal high = indicator.baseline().max(indicator.target());
        for (CommitmentViews.Measurement m : measurements) {
            from = from == null || m.measuredOn().isBefore(from) ? m.measuredOn() : from;
            to = to == null || m.measuredOn().isAfter(to) ? m.measuredOn() : to;
            low = low.min(m.value());
            high = high.max(m.value());
        }
        if (from == null) {
            from = LocalDate.now();
        }
        if (to == null || !to.isAfter(from)) {
            to = from.plusDays(1);
        }
        double span = high.subtract(low).doubleValue();
        double pad = span == 0 ? Math.max(1, Math.abs(high.doubleValue()) * 0.1) : span * 0.12;
        double yLow = low.doubleValue() - pad;
        double yHigh = high.doubleValue() + pad;
        long days = ChronoUnit.DAYS.between(from, to);
        LocalDate origin = from;

        List<Point> points = new ArrayList<>();
        StringBuilder polyline = new StringBuilder();
        for (CommitmentViews.Measurement m : measurements) {
            double x = LEFT + (WIDTH - LEFT - RIGHT) * (double) ChronoUnit.DAYS.between(origin, m.measuredOn()) / days;
            double y = y(m.value().doubleValue(), yLow, yHigh);
            points.add(new Point(round(x), round(y), m.measuredOn(), m.value()));
            polyline.append(polyline.isEmpty() ? "" : " ")
                    .append(String.format(Locale.ROOT, "%.1f,%.1f", round(x), round(y)));
        }
        List<Tick> ticks = List.of(new Tick(LEFT, from), new Tick(WIDTH - RIGHT, to));
        return new IndicatorChart(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, points, polyline.toString(),
                new Line(round(y(indicator.baseline().doubleValue(), yLow, yHigh)), indicator.baseline()),
                new Line(round(y(indicator.target().doubleValue(), yLow, yHigh)), indicator.target()), ticks);
    }

    /** The right end of the plot area, where line labels end. */
    public int plotRight() {
        return width - right;
    }

    /** Where a line's label sits: just below the line at the right end if there is room, else above it. */
    public double labelY(Line line) {
        return line.y() + 16 < plotBottom() - 2 ? line.y() + 16 : line.y() - 6;
    }

    /** The bottom of the plot area, where the date axis runs. */
    public int plotBottom() {
        return height - bottom;
    }

    private static double y(double value, double low, double high) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (value - low) / (high - low));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
