package mx.gobiernoabierto.compromisos.query.export;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.stream.Collectors;

import mx.gobiernoabierto.compromisos.query.commitment.web.CommitmentViews;

/**
 * Commitment summaries as RFC 4180 CSV: a header row of the summary's field names, one row each, lists joined with
 * {@code ;}, CRLF line ends. The API's export and the portal's downloads write the same columns: the summary's
 * components, read in their declared order ({@link CommitmentViews#SUMMARY_COMPONENTS}).
 */
public final class SummaryCsv {

    private SummaryCsv() {
    }

    public static String write(List<CommitmentViews.Summary> summaries) {
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", CommitmentViews.SUMMARY_FIELDS)).append("\r\n");
        for (CommitmentViews.Summary summary : summaries) {
            csv.append(CommitmentViews.SUMMARY_COMPONENTS.stream()
                            .map(column -> Csv.cell(text(value(column, summary))))
                            .collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static Object value(RecordComponent column, CommitmentViews.Summary summary) {
        try {
            return column.getAccessor().invoke(summary);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + column.getName() + " of a summary", e);
        }
    }

    /** Empty for no value; a list's entries joined with {@code ;} (enum constants by name). */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        return value.toString();
    }
}
