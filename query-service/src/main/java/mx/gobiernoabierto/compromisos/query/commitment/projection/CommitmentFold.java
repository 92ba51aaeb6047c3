package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import mx.gobiernoabierto.compromisos.events.CommitmentAdopted;
import mx.gobiernoabierto.compromisos.events.CommitmentCancelled;
import mx.gobiernoabierto.compromisos.events.CommitmentCompleted;
import mx.gobiernoabierto.compromisos.events.CommitmentDetailsRevised;
import mx.gobiernoabierto.compromisos.events.CommitmentDrafted;
import mx.gobiernoabierto.compromisos.events.CommitmentEvaluated;
import mx.gobiernoabierto.compromisos.events.CommitmentEvent;
import mx.gobiernoabierto.compromisos.events.CommitmentResumed;
import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.CommitmentSuspended;
import mx.gobiernoabierto.compromisos.events.ImplementationStarted;
import mx.gobiernoabierto.compromisos.events.IndicatorDefined;
import mx.gobiernoabierto.compromisos.events.MeasurementCorrected;
import mx.gobiernoabierto.compromisos.events.MeasurementRecorded;
import mx.gobiernoabierto.compromisos.events.MilestoneCompleted;
import mx.gobiernoabierto.compromisos.events.MilestonePlanned;
import mx.gobiernoabierto.compromisos.events.MilestoneProgressLogged;
import mx.gobiernoabierto.compromisos.events.MilestoneRescheduled;
import mx.gobiernoabierto.compromisos.events.MonitoringReportSubmitted;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState.Evaluation;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState.Indicator;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState.Measurement;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState.Milestone;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState.MonitoringReport;

/**
 * The projection of a commitment as a pure fold {@code (CommitmentState, CommitmentEvent) → CommitmentState}. The
 * live view, a rebuild and an auditor's as-of view all go through it, so they cannot disagree.
 *
 * <p>The fold never mutates its input: every step returns a new {@link CommitmentState} whose lists are
 * unmodifiable. It does not check sequences; skipping duplicates and holding back gaps is the caller's job.
 *
 * <p>The command side only writes events that obey the lifecycle rules, so the fold assigns state and re-checks
 * nothing, with these exceptions:
 * <ul>
 *   <li>a stream must start with {@link CommitmentDrafted}, and only once: anything else is an
 *       {@link IllegalStateException}, because no sensible view can come of it;</li>
 *   <li>an event naming a milestone, indicator or measurement the state does not know changes nothing but
 *       {@code version} and {@code lastEventAt}, so that one bad event cannot wedge a projection.</li>
 * </ul>
 */
public final class CommitmentFold {

    private CommitmentFold() {
    }

    /**
     * Applies one event.
     *
     * @param state      the state before the event; {@code null} before {@link CommitmentDrafted}
     * @param event      the event, never {@code null}
     * @param sequence   the event's sequence in its stream; it becomes the state's {@code version}
     * @param occurredAt when the event was appended; it becomes the state's {@code lastEventAt}
     * @return the state after the event, never {@code null}
     * @throws IllegalStateException if {@code state} is {@code null} and the event is not
     *                               {@link CommitmentDrafted}, or if it is not {@code null} and the event is
     */
    public static CommitmentState apply(CommitmentState state, CommitmentEvent event, long sequence,
                                        Instant occurredAt) {
        if (state == null) {
            if (event instanceof CommitmentDrafted drafted) {
                return drafted(drafted, sequence, occurredAt);
            }
            throw new IllegalStateException("commitment " + event.commitmentId() + " has no state before "
                    + event.getClass().getSimpleName() + " at sequence " + sequence
                    + "; its stream must start with CommitmentDrafted");
        }
        StateBuilder next = new StateBuilder(state);
        next.version = sequence;
        next.lastEventAt = occurredAt;
        switch (event) {
            case CommitmentDrafted drafted -> throw new IllegalStateException("commitment "
                    + drafted.commitmentId() + " was already drafted; CommitmentDrafted at sequence " + sequence);
            case CommitmentDetailsRevised revised -> {
                next.title = revised.title();
                next.publicProblem = revised.publicProblem();
                next.objective = revised.objective();
                next.responsibleInstitutions = revised.responsibleInstitutions();
                next.civilSocietyOrganisations = revised.civilSocietyOrganisations();
                next.ogpValues = revised.ogpValues();
                next.sdgTargets = revised.sdgTargets();
                next.startDate = revised.startDate();
                next.endDate = revised.endDate();
            }
            case MilestonePlanned planned -> next.milestones = append(state.milestones(), new Milestone(
                    planned.milestoneId(), planned.title(), planned.description(), planned.responsible(),
                    planned.dueDate(), planned.dueDate(),
                    planned.weight() == null ? BigDecimal.ONE : planned.weight(), 0, false, null, List.of()));
            case MilestoneRescheduled rescheduled -> next.milestones = updateMilestone(state.milestones(),
                    rescheduled.milestoneId(), m -> new Milestone(m.milestoneId(), m.title(), m.description(),
                            m.responsible(), rescheduled.newDueDate(), m.originalDueDate(), m.weight(),
                            m.progress(), m.completed(), m.completedOn(), m.evidenceUrls()));
            case MilestoneProgressLogged logged -> next.milestones = updateMilestone(state.milestones(),
                    logged.milestoneId(), m -> new Milestone(m.milestoneId(), m.title(), m.description(),
                            m.responsible(), m.dueDate(), m.originalDueDate(), m.weight(), logged.percent(),
                            m.completed(), m.completedOn(), union(m.evidenceUrls(), logged.evidenceUrls())));
            case MilestoneCompleted completed -> next.milestones = updateMilestone(state.milestones(),
                    completed.milestoneId(), m -> new Milestone(m.milestoneId(), m.title(), m.description(),
                            m.responsible(), m.dueDate(), m.originalDueDate(), m.weight(), 100, true,
                            completed.completedOn(), union(m.evidenceUrls(), completed.evidenceUrls())));
            case IndicatorDefined defined -> next.indicators = append(state.indicators(), new Indicator(
                    defined.indicatorId(), defined.name(), defined.kind(), defined.unit(), defined.baseline(),
                    defined.baselineDate(), defined.target(), defined.targetDate(), defined.direction(),
                    defined.frequency(), defined.meansOfVerification(), defined.sdgIndicator(), List.of()));
            case MeasurementRecorded recorded -> next.indicators = updateIndicator(state.indicators(),
                    recorded.indicatorId(), i -> withMeasurements(i, append(i.measurements(), new Measurement(
                            recorded.measurementId(), recorded.value(), recorded.measuredOn(), recorded.source(),
                            recorded.note(), false, recorded.value(), sequence))));
            case MeasurementCorrected corrected -> next.indicators = updateIndicator(state.indicators(),
                    corrected.indicatorId(), i -> withMeasurements(i, replace(i.measurements(),
                            m -> m.measurementId().equals(corrected.measurementId()),
                            m -> new Measurement(m.measurementId(), corrected.value(), m.measuredOn(), m.source(),
                                    m.note(), true, m.originalValue(), m.recordedAt()))));
            case MonitoringReportSubmitted report -> next.monitoringReports = append(state.monitoringReports(),
                    new MonitoringReport(report.reportId(), report.periodEnd(), report.assessment(),
                            report.narrative(), occurredAt));
            case CommitmentAdopted adopted -> next.moveTo(CommitmentStatus.ADOPTED);
            case ImplementationStarted started -> next.moveTo(CommitmentStatus.IN_IMPLEMENTATION);
            case CommitmentCompleted completed -> next.moveTo(CommitmentStatus.COMPLETED);
            case CommitmentEvaluated evaluated -> {
                next.moveTo(CommitmentStatus.EVALUATED);
                next.evaluation = new Evaluation(evaluated.evaluatedOn(), evaluated.completionLevel(),
                        evaluated.didItOpenGovernment(), evaluated.findings(), evaluated.evaluator());
            }
            case CommitmentSuspended suspended -> {
                next.moveTo(CommitmentStatus.SUSPENDED);
                // the event says where it left from; fall back to the folded status for a sloppy writer
                next.suspendedFrom = suspended.suspendedFrom() != null ? suspended.suspendedFrom() : state.status();
            }
            case CommitmentResumed resumed -> next.moveTo(resumedTo(state, resumed));
            case CommitmentCancelled cancelled -> next.moveTo(CommitmentStatus.CANCELLED);
        }
        return next.build();
    }

    /**
     * Folds a whole stream, in the order given, from no state.
     *
     * @param events the stream's events in sequence order, starting with {@link CommitmentDrafted}
     * @return the state after the last event, or {@code null} if there are no events
     * @throws IllegalStateException as {@link #apply} does
     */
    public static CommitmentState foldAll(Iterable<FoldInput> events) {
        CommitmentState state = null;
        for (FoldInput input : events) {
            state = apply(state, input.event(), input.sequence(), input.occurredAt());
        }
        return state;
    }

    private static CommitmentState drafted(CommitmentDrafted e, long sequence, Instant occurredAt) {
        return new CommitmentState(e.commitmentId(), e.planId(), e.stlId(), e.code(), e.title(), e.publicProblem(),
                e.objective(), List.copyOf(e.responsibleInstitutions()), List.copyOf(e.civilSocietyOrganisations()),
                List.copyOf(e.ogpValues()), List.copyOf(e.sdgTargets()), e.startDate(), e.endDate(),
                CommitmentStatus.DRAFT, null, List.of(), List.of(), List.of(), null, sequence, occurredAt);
    }

    private static CommitmentStatus resumedTo(CommitmentState state, CommitmentResumed resumed) {
        if (resumed.resumedTo() != null) {
            return resumed.resumedTo();
        }
        return state.suspendedFrom() != null ? state.suspendedFrom() : state.status();
    }

    private static Indicator withMeasurements(Indicator i, List<Measurement> measurements) {
        return new Indicator(i.indicatorId(), i.name(), i.kind(), i.unit(), i.baseline(), i.baselineDate(),
                i.target(), i.targetDate(), i.direction(), i.frequency(), i.meansOfVerification(), i.sdgIndicator(),
                measurements);
    }

    private static List<Milestone> updateMilestone(List<Milestone> milestones, String milestoneId,
                                                   UnaryOperator<Milestone> change) {
        return replace(milestones, m -> m.milestoneId().equals(milestoneId), change);
    }

    private static List<Indicator> updateIndicator(List<Indicator> indicators, String indicatorId,
                                                   UnaryOperator<Indicator> change) {
        return replace(indicators, i -> i.indicatorId().equals(indicatorId), change);
    }

    private static <T> List<T> replace(List<T> list, Predicate<T> which,
                                       UnaryOperator<T> change) {
        List<T> result = new ArrayList<>(list.size());
        for (T item : list) {
            result.add(which.test(item) ? change.apply(item) : item);
        }
        return List.copyOf(result);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> result = new ArrayList<>(list.size() + 1);
        result.addAll(list);
        result.add(item);
        return List.copyOf(result);
    }

    /** {@code existing} followed by the links of {@code added} it does not hold yet, each once. */
    private static List<String> union(List<String> existing, List<String> added) {
        LinkedHashSet<String> urls = new LinkedHashSet<>(existing);
        urls.addAll(added);
        return List.copyOf(urls);
    }

    /** The mutable scratch copy one {@link #apply} step works on; never escapes it. */
    private static final class StateBuilder {
        private final CommitmentState from;
        private String title;
        private String publicProblem;
        private String objective;
        private List<String> responsibleInstitutions;
        private List<String> civilSocietyOrganisations;
        private List<OgpValue> ogpValues;
        private List<String> sdgTargets;
        private LocalDate startDate;
        private LocalDate endDate;
        private CommitmentStatus status;
        private CommitmentStatus suspendedFrom;
        private List<Milestone> milestones;
        private List<Indicator> indicators;
        private List<MonitoringReport> monitoringReports;
        private Evaluation evaluation;
        private long version;
        private Instant lastEventAt;

        StateBuilder(CommitmentState s) {
            from = s;
            title = s.title();
            publicProblem = s.publicProblem();
            objective = s.objective();
            responsibleInstitutions = s.responsibleInstitutions();
            civilSocietyOrganisations = s.civilSocietyOrganisations();
            ogpValues = s.ogpValues();
            sdgTargets = s.sdgTargets();
            startDate = s.startDate();
            endDate = s.endDate();
            status = s.status();
            suspendedFrom = s.suspendedFrom();
            milestones = s.milestones();
            indicators = s.indicators();
            monitoringReports = s.monitoringReports();
            evaluation = s.evaluation();
            version = s.version();
            lastEventAt = s.lastEventAt();
        }

        /** {@code suspendedFrom} is set only while {@code SUSPENDED}; every other move clears it. */
        void moveTo(CommitmentStatus target) {
            status = target;
            suspendedFrom = null;
        }

        CommitmentState build() {
            return new CommitmentState(from.commitmentId(), from.planId(), from.stlId(), from.code(), title,
                    publicProblem, objective, List.copyOf(responsibleInstitutions),
                    List.copyOf(civilSocietyOrganisations), List.copyOf(ogpValues), List.copyOf(sdgTargets),
                    startDate, endDate, status, suspendedFrom, milestones, indicators, monitoringReports,
                    evaluation, version, lastEventAt);
        }
    }
}
