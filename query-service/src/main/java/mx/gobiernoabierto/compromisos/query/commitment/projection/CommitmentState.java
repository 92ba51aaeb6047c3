package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import mx.gobiernoabierto.compromisos.events.Assessment;
import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.CompletionLevel;
import mx.gobiernoabierto.compromisos.events.Direction;
import mx.gobiernoabierto.compromisos.events.Frequency;
import mx.gobiernoabierto.compromisos.events.IndicatorKind;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.events.OpenGovernmentEffect;

/**
 * Everything the views know of one commitment: the fold of its events up to {@code version}. Figures that depend
 * on a date ({@code on=}) are not stored here but computed from it by {@link CommitmentFigures}.
 */
public record CommitmentState(
        String commitmentId, String planId, String stlId, String code, String title, String publicProblem,
        String objective, List<String> responsibleInstitutions, List<String> civilSocietyOrganisations,
        List<OgpValue> ogpValues, List<String> sdgTargets, LocalDate startDate, LocalDate endDate,
        CommitmentStatus status, CommitmentStatus suspendedFrom, List<Milestone> milestones,
        List<Indicator> indicators, List<MonitoringReport> monitoringReports, Evaluation evaluation,
        long version, Instant lastEventAt) {

    /** A milestone as of the fold; {@code progress} is the latest logged percent, 100 once completed. */
    public record Milestone(String milestoneId, String title, String description, String responsible,
                            LocalDate dueDate, LocalDate originalDueDate, BigDecimal weight, int progress,
                            boolean completed, LocalDate completedOn, List<String> evidenceUrls) {
    }

    /** An indicator and every measurement recorded for it, in the order they were recorded. */
    public record Indicator(String indicatorId, String name, IndicatorKind kind, String unit, BigDecimal baseline,
                            LocalDate baselineDate, BigDecimal target, LocalDate targetDate, Direction direction,
                            Frequency frequency, String meansOfVerification, String sdgIndicator,
                            List<Measurement> measurements) {
    }

    /**
     * A measurement with its corrections applied: {@code value} is the latest corrected value,
     * {@code originalValue} the one first recorded; {@code recordedAt} is the sequence of its recording event.
     */
    public record Measurement(String measurementId, BigDecimal value, LocalDate measuredOn, String source,
                              String note, boolean corrected, BigDecimal originalValue, long recordedAt) {
    }

    public record MonitoringReport(String reportId, LocalDate periodEnd, Assessment assessment, String narrative,
                                   Instant submittedAt) {
    }

    public record Evaluation(LocalDate evaluatedOn, CompletionLevel completionLevel,
                             OpenGovernmentEffect didItOpenGovernment, String findings, String evaluator) {
    }
}
