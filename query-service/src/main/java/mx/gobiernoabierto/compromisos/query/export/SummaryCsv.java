package mx.gobiernoabierto.compromisos.query.export;

import java.util.List;
import java.util.stream.Collectors;

import mx.gobiernoabierto.compromisos.query.commitment.web.CommitmentViews;

/**
 * Commitment summaries as RFC 4180 CSV: a header row of the summary's field names, one row each, lists joined with
 * {@code ;}, CRLF line ends. The API's export and the portal's downloads write the same columns.
 */
public final class SummaryCsv {

    private SummaryCsv() {
    }

    public static String write(List<CommitmentViews.Summary> summaries) {
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", CommitmentViews.SUMMARY_FIELDS)).append("\r\n");
        for (CommitmentViews.Summary s : summaries) {
            List<Object> cells = List.of(s.commitmentId(), s.planId(), s.stlId(), s.code(), s.title(), s.status(),
                    text(s.implementationProgress()), s.milestonesTotal(), s.milestonesCompleted(),
                    s.milestonesOverdue(), s.indicatorsTotal(), text(s.indicatorMeanProgress()),
                    text(s.scheduleStatus()), String.join(";", s.sdgTargets()),
                    s.ogpValues().stream().map(Enum::name).collect(Collectors.joining(";")), s.startDate(),
                    s.endDate(), s.lastEventAt(), s.version());
            csv.append(cells.stream().map(cell -> Csv.cell(String.valueOf(cell))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
