package mx.gobiernoabierto.compromisos.query.commitment.web;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import mx.gobiernoabierto.compromisos.events.Assessment;
import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.CompletionLevel;
import mx.gobiernoabierto.compromisos.events.Direction;
import mx.gobiernoabierto.compromisos.events.Frequency;
import mx.gobiernoabierto.compromisos.events.IndicatorKind;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.events.OpenGovernmentEffect;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentFigures;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewStore;

/** The JSON shapes of the query API, made from a commitment's state and its figures on a date. */
public final class CommitmentViews {

    /**
     * The summary's fields in the order of the contract: {@link Summary}'s components, the one list of them that the
     * CSV's header and rows and the open-data page are written from. (The JSON order must be spelled out for Jackson,
     * which would otherwise sort the names; a test keeps it equal to this list.)
     */
    public static final List<RecordComponent> SUMMARY_COMPONENTS = List.of(Summary.class.getRecordComponents());

    /** The names of {@link #SUMMARY_COMPONENTS}. */
    public static final List<String> SUMMARY_FIELDS = SUMMARY_COMPONENTS.stream().map(RecordComponent::getName).toList();

    private CommitmentViews() {
    }

    @JsonPropertyOrder({"commitmentId", "planId", "stlId", "code", "title", "status", "implementationProgress",
            "milestonesTotal", "milestonesCompleted", "milestonesOverdue", "indicatorsTotal", "indicatorMeanProgress",
            "scheduleStatus", "sdgTargets", "ogpValues", "startDate", "endDate", "lastEventAt", "version"})
    public record Summary(String commitmentId, String planId, String stlId, String code, String title,
                          CommitmentStatus status, BigDecimal implementationProgress, int milestonesTotal,
                          int milestonesCompleted, int milestonesOverdue, int indicatorsTotal,
                          BigDecimal indicatorMeanProgress, String scheduleStatus, List<String> sdgTargets,
                          List<OgpValue> ogpValues, LocalDate startDate, LocalDate endDate, String lastEventAt,
                          long version) {
    }

    public record Detail(@JsonUnwrapped Summary summary, String publicProblem, String objective,
                         List<String> responsibleInstitutions, List<String> civilSocietyOrganisations,
                         BigDecimal expectedProgress, LocalDate on, List<Milestone> milestones,
                         List<Indicator> indicators, List<Report> monitoringReports, Evaluation evaluation) {
    }

    public record Milestone(String milestoneId, String title, String description, String responsible,
                            LocalDate dueDate, LocalDate originalDueDate, BigDecimal weight, int progress,
                            boolean completed, LocalDate completedOn, boolean overdue, List<String> evidenceUrls) {
    }

    public record Indicator(String indicatorId, String name, IndicatorKind kind, String unit, BigDecimal baseline,
                            LocalDate baselineDate, BigDecimal target, LocalDate targetDate, Direction direction,
                            Frequency frequency, String meansOfVerification, String sdgIndicator,
                            BigDecimal latestValue, LocalDate latestMeasuredOn, BigDecimal progress,
                            List<Measurement> measurements) {
    }

    public record Measurement(String measurementId, BigDecimal value, LocalDate measuredOn, String source,
                              String note, boolean corrected, BigDecimal originalValue) {
    }

    public record Report(String reportId, LocalDate periodEnd, Assessment assessment, String narrative,
                         String submittedAt) {
    }

    public record Evaluation(LocalDate evaluatedOn, CompletionLevel completionLevel,
                             OpenGovernmentEffect didItOpenGovernment, String findings, String evaluator) {
    }

    public static Summary summary(CommitmentState state, LocalDate on) {
        return summary(state, CommitmentFigures.of(state, on));
    }

    private static Summary summary(CommitmentState state, CommitmentFigures.Figures figures) {
        return new Summary(state.commitmentId(), state.planId(), state.stlId(), state.code(), state.title(),
                state.status(), figures.implementationProgress(), figures.milestonesTotal(),
                figures.milestonesCompleted(), figures.milestonesOverdue(), figures.indicatorsTotal(),
                figures.indicatorMeanProgress(), figures.scheduleStatus(), state.sdgTargets(), state.ogpValues(),
                state.startDate(), state.endDate(), ViewStore.instant(state.lastEventAt()), state.version());
    }

    public static Detail detail(CommitmentState state, LocalDate on) {
        CommitmentFigures.Figures figures = CommitmentFigures.of(state, on);
        List<Milestone> milestones = state.milestones().stream()
                .map(m -> new Milestone(m.milestoneId(), m.title(), m.description(), m.responsible(), m.dueDate(),
                        m.originalDueDate(), m.weight(), m.progress(), m.completed(), m.completedOn(),
                        figures.overdueMilestones().contains(m.milestoneId()), m.evidenceUrls()))
                .toList();
        List<Indicator> indicators = state.indicators().stream()
                .map(i -> {
                    CommitmentFigures.IndicatorFigures f = figures.indicators().get(i.indicatorId());
                    return new Indicator(i.indicatorId(), i.name(), i.kind(), i.unit(), i.baseline(), i.baselineDate(),
                            i.target(), i.targetDate(), i.direction(), i.frequency(), i.meansOfVerification(),
                            i.sdgIndicator(), f.latestValue(), f.latestMeasuredOn(), f.progress(),
                            i.measurements().stream()
                                    .map(m -> new Measurement(m.measurementId(), m.value(), m.measuredOn(), m.source(),
                                            m.note(), m.corrected(), m.originalValue()))
                                    .toList());
                })
                .toList();
        List<Report> reports = state.monitoringReports().stream()
                .map(r -> new Report(r.reportId(), r.periodEnd(), r.assessment(), r.narrative(),
                        ViewStore.instant(r.submittedAt())))
                .toList();
        CommitmentState.Evaluation e = state.evaluation();
        Evaluation evaluation = e == null ? null : new Evaluation(e.evaluatedOn(), e.completionLevel(),
                e.didItOpenGovernment(), e.findings(), e.evaluator());
        return new Detail(summary(state, figures), state.publicProblem(), state.objective(),
                state.responsibleInstitutions(), state.civilSocietyOrganisations(), figures.expectedProgress(), on,
                milestones, indicators, reports, evaluation);
    }
}
