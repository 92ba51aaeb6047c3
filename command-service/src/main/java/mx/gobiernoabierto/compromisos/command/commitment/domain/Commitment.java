package mx.gobiernoabierto.compromisos.command.commitment.domain;

import static mx.gobiernoabierto.compromisos.events.CommitmentStatus.ADOPTED;
import static mx.gobiernoabierto.compromisos.events.CommitmentStatus.COMPLETED;
import static mx.gobiernoabierto.compromisos.events.CommitmentStatus.DRAFT;
import static mx.gobiernoabierto.compromisos.events.CommitmentStatus.EVALUATED;
import static mx.gobiernoabierto.compromisos.events.CommitmentStatus.IN_IMPLEMENTATION;
import static mx.gobiernoabierto.compromisos.events.CommitmentStatus.SUSPENDED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.*;
import mx.gobiernoabierto.compromisos.command.domain.InvalidInputException;
import mx.gobiernoabierto.compromisos.command.domain.InvalidStateException;
import mx.gobiernoabierto.compromisos.command.domain.NotFoundException;
import mx.gobiernoabierto.compromisos.command.domain.Rules;
import mx.gobiernoabierto.compromisos.command.domain.SdgCatalog;
import mx.gobiernoabierto.compromisos.command.domain.VersionConflictException;
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
import mx.gobiernoabierto.compromisos.events.Direction;
import mx.gobiernoabierto.compromisos.events.ImplementationStarted;
import mx.gobiernoabierto.compromisos.events.IndicatorDefined;
import mx.gobiernoabierto.compromisos.events.MeasurementCorrected;
import mx.gobiernoabierto.compromisos.events.MeasurementRecorded;
import mx.gobiernoabierto.compromisos.events.MilestoneCompleted;
import mx.gobiernoabierto.compromisos.events.MilestonePlanned;
import mx.gobiernoabierto.compromisos.events.MilestoneProgressLogged;
import mx.gobiernoabierto.compromisos.events.MilestoneRescheduled;
import mx.gobiernoabierto.compromisos.events.MonitoringReportSubmitted;
import mx.gobiernoabierto.compromisos.events.Sector;

/**
 * A commitment of a Local Action Plan. Command handlers check the rules of the domain and record events; the
 * single event-sourcing handler folds every event into the little state those rules need.
 */
@Aggregate(snapshotTriggerDefinition = "commitmentSnapshotTrigger", cache = "aggregateCache")
public class Commitment {

    private static final Set<CommitmentStatus> PLANNING = EnumSet.of(DRAFT, ADOPTED, IN_IMPLEMENTATION);
    private static final Set<CommitmentStatus> MONITORING = EnumSet.of(IN_IMPLEMENTATION, COMPLETED, EVALUATED);
    private static final Set<CommitmentStatus> EVALUABLE = EnumSet.of(IN_IMPLEMENTATION, COMPLETED, SUSPENDED);
    private static final Set<CommitmentStatus> SUSPENDABLE = EnumSet.of(ADOPTED, IN_IMPLEMENTATION);

    @AggregateIdentifier
    private String commitmentId;
    private CommitmentStatus status;
    private CommitmentStatus suspendedFrom;
    private LocalDate startDate;
    private LocalDate endDate;
    private long version;
    private Map<String, Milestone> milestones = new LinkedHashMap<>();
    private Set<String> indicators = new HashSet<>();
    private Map<String, Measurement> measurements = new LinkedHashMap<>();

    /** What the rules need to know of a milestone. */
    record Milestone(LocalDate dueDate, boolean completed) {
    }

    /** What the rules need to know of a measurement. */
    record Measurement(String indicatorId, BigDecimal value) {
    }

    /** For Axon, which sources instances from events, and for reading snapshots back. */
    @JsonCreator
    protected Commitment() {
    }

    @CommandHandler
    public Commitment(DraftCommitment command, PlanDirectory plans, CommitmentCodes codes) {
        String stlId = plans.stlOf(command.planId()).orElseThrow(() -> new NotFoundException("plan", command.planId()));
        CommitmentDetails details = command.details();
        checkDetails(details);
        codes.claim(command.planId(), command.code(), command.commitmentId());
        apply(new CommitmentDrafted(command.commitmentId(), command.planId(), stlId, command.code(), details.title(),
                details.publicProblem(), details.objective(), details.responsibleInstitutions(),
                details.civilSocietyOrganisations(), details.ogpValues(), details.sdgTargets(), details.startDate(),
                details.endDate()));
    }

    /**
     * A command sent with an expected version is refused unless the commitment is at exactly that version. This runs
     * before every handler, so before any rule: a client that wrote against a version it read earlier must learn
     * first that the commitment has changed ({@code 409} with the current version, to read again), not a rule
     * violation that may be about state it has not seen yet, and that may no longer hold once it has.
     */
    @CommandHandlerInterceptor
    public Object checkExpectedVersion(CommitmentCommand command, InterceptorChain chain) throws Exception {
        if (commitmentId == null) {
            // the id names a stream of another kind (a plan): there is no such commitment
            throw new NotFoundException("commitment", command.commitmentId());
        }
        if (command.expectedVersion() != null && command.expectedVersion() != version) {
            throw new VersionConflictException(command.expectedVersion(), version);
        }
        return chain.proceed();
    }

    @CommandHandler
    public long handle(ReviseCommitmentDetails command) {
        requireStatus("revise details", EnumSet.of(DRAFT));
        CommitmentDetails details = command.details();
        checkDetails(details);
        milestones.forEach((milestoneId, milestone) -> {
            if (milestone.dueDate().isBefore(details.startDate()) || milestone.dueDate().isAfter(details.endDate())) {
                throw new InvalidInputException("startDate", "milestone " + milestoneId + " is due on "
                        + milestone.dueDate() + ", outside the revised dates " + details.startDate() + " to "
                        + details.endDate());
            }
        });
        apply(new CommitmentDetailsRevised(commitmentId, details.title(), details.publicProblem(),
                details.objective(), details.responsibleInstitutions(), details.civilSocietyOrganisations(),
                details.ogpValues(), details.sdgTargets(), details.startDate(), details.endDate()));
        return version;
    }

    @CommandHandler
    public long handle(PlanMilestone command) {
        requireStatus("plan a milestone", PLANNING);
        requireNew("milestone", command.milestoneId(), milestones.containsKey(command.milestoneId()));
        requireWithinDates("dueDate", command.dueDate());
        BigDecimal weight = command.weight() == null ? BigDecimal.ONE : command.weight();
        if (weight.signum() <= 0) {
            throw new InvalidInputException("weight", "weight must be a positive number, not " + weight);
        }
        apply(new MilestonePlanned(commitmentId, command.milestoneId(), command.title(), command.description(),
                command.dueDate(), command.responsible(), weight));
        return version;
    }

    @CommandHandler
    public long handle(DefineIndicator command) {
        requireStatus("define an indicator", PLANNING);
        requireNew("indicator", command.indicatorId(), indicators.contains(command.indicatorId()));
        if (command.target().compareTo(command.baseline()) == 0) {
            throw new InvalidInputException("target", "target must differ from baseline " + command.baseline());
        }
        if ((command.direction() == Direction.INCREASE)
                != (command.target().compareTo(command.baseline()) > 0)) {
            throw new InvalidInputException("direction", "an indicator whose target is "
                    + (command.target().compareTo(command.baseline()) > 0 ? "above" : "below")
                    + " its baseline cannot have direction " + command.direction());
        }
        Rules.notBefore("targetDate", command.targetDate(), "baselineDate", command.baselineDate());
        if (command.sdgIndicator() != null && !SdgCatalog.isIndicator(command.sdgIndicator())) {
            throw new InvalidInputException("sdgIndicator", "not an SDG indicator code: " + command.sdgIndicator());
        }
        apply(new IndicatorDefined(commitmentId, command.indicatorId(), command.name(), command.kind(), command.unit(),
                command.baseline(), command.baselineDate(), command.target(), command.targetDate(),
                command.direction(), command.frequency(), command.meansOfVerification(), command.sdgIndicator()));
        return version;
    }

    @CommandHandler
    public long handle(AdoptCommitment command, Clock clock) {
        requireStatus("adopt", EnumSet.of(DRAFT));
        if (milestones.isEmpty() || indicators.isEmpty()) {
            throw new InvalidStateException("adoption needs at least one milestone and one indicator; this commitment has "
                    + milestones.size() + " milestone(s) and " + indicators.size() + " indicator(s)");
        }
        Set<Sector> missing = EnumSet.allOf(Sector.class);
        command.approvals().stream()
                .filter(approval -> approval.name() != null && !approval.name().isBlank())
                .forEach(approval -> missing.remove(approval.sector()));
        if (!missing.isEmpty()) {
            throw new InvalidInputException("approvals", "adoption needs a named approval from every sector; missing "
                    + missing);
        }
        Rules.notInFuture("sessionDate", command.sessionDate(), today(clock));
        apply(new CommitmentAdopted(commitmentId, command.sessionDate(), command.approvals()));
        return version;
    }

    @CommandHandler
    public long handle(StartImplementation command, Clock clock) {
        requireStatus("start implementation", EnumSet.of(ADOPTED));
        Rules.notInFuture("startedOn", command.startedOn(), today(clock));
        apply(new ImplementationStarted(commitmentId, command.startedOn()));
        return version;
    }

    @CommandHandler
    public long handle(LogMilestoneProgress command, Clock clock) {
        requireStatus("log progress", EnumSet.of(IN_IMPLEMENTATION));
        Milestone milestone = milestone(command.milestoneId());
        if (milestone.completed()) {
            throw new InvalidStateException("milestone " + command.milestoneId() + " is completed and takes no more progress");
        }
        if (command.percent() < 0 || command.percent() > 100) {
            throw new InvalidInputException("percent", "percent must be a whole number from 0 to 100, not " + command.percent());
        }
        Rules.httpUrls("evidenceUrls", command.evidenceUrls());
        Rules.notInFuture("reportedOn", command.reportedOn(), today(clock));
        apply(new MilestoneProgressLogged(commitmentId, command.milestoneId(), command.percent(), command.note(),
                command.evidenceUrls(), command.reportedOn()));
        return version;
    }

    @CommandHandler
    public long handle(CompleteMilestone command, Clock clock) {
        requireStatus("complete a milestone", EnumSet.of(IN_IMPLEMENTATION));
        Milestone milestone = milestone(command.milestoneId());
        if (milestone.completed()) {
            throw new InvalidStateException("milestone " + command.milestoneId() + " is already completed");
        }
        if (command.evidenceUrls() == null || command.evidenceUrls().isEmpty()) {
            throw new InvalidInputException("evidenceUrls", "completing a milestone needs at least one evidence link");
        }
        Rules.httpUrls("evidenceUrls", command.evidenceUrls());
        Rules.notInFuture("completedOn", command.completedOn(), today(clock));
        apply(new MilestoneCompleted(commitmentId, command.milestoneId(), command.completedOn(),
                command.evidenceUrls(), command.note()));
        return version;
    }

    @CommandHandler
    public long handle(RescheduleMilestone command) {
        requireStatus("reschedule a milestone", PLANNING);
        Milestone milestone = milestone(command.milestoneId());
        if (milestone.completed()) {
            throw new InvalidStateException("milestone " + command.milestoneId() + " is completed and cannot be rescheduled");
        }
        requireWithinDates("newDueDate", command.newDueDate());
        apply(new MilestoneRescheduled(commitmentId, command.milestoneId(), milestone.dueDate(), command.newDueDate(),
                command.reason()));
        return version;
    }

    @CommandHandler
    public long handle(RecordMeasurement command, Clock clock) {
        requireStatus("record a measurement", MONITORING);
        requireIndicator(command.indicatorId());
        requireNew("measurement", command.measurementId(), measurements.containsKey(command.measurementId()));
        Rules.notInFuture("measuredOn", command.measuredOn(), today(clock));
        apply(new MeasurementRecorded(commitmentId, command.indicatorId(), command.measurementId(), command.value(),
                command.measuredOn(), command.source(), command.note()));
        return version;
    }

    @CommandHandler
    public long handle(CorrectMeasurement command) {
        requireStatus("correct a measurement", MONITORING);
        requireIndicator(command.indicatorId());
        Measurement measurement = measurements.get(command.measurementId());
        if (measurement == null || !measurement.indicatorId().equals(command.indicatorId())) {
            throw new NotFoundException("measurement", command.measurementId());
        }
        apply(new MeasurementCorrected(commitmentId, command.indicatorId(), command.measurementId(),
                measurement.value(), command.value(), command.reason()));
        return version;
    }

    @CommandHandler
    public long handle(SubmitMonitoringReport command) {
        requireStatus("submit a monitoring report", MONITORING);
        apply(new MonitoringReportSubmitted(commitmentId, command.reportId(), command.periodEnd(),
                command.assessment(), command.narrative()));
        return version;
    }

    @CommandHandler
    public long handle(CompleteCommitment command, Clock clock) {
        requireStatus("complete", EnumSet.of(IN_IMPLEMENTATION));
        List<String> open = milestones.entrySet().stream()
                .filter(entry -> !entry.getValue().completed())
                .map(Map.Entry::getKey)
                .toList();
        if (!open.isEmpty()) {
            throw new InvalidStateException("a commitment is completed only when all its milestones are; still open: "
                    + open);
        }
        Rules.notInFuture("completedOn", command.completedOn(), today(clock));
        apply(new CommitmentCompleted(commitmentId, command.completedOn()));
        return version;
    }

    @CommandHandler
    public long handle(EvaluateCommitment command, Clock clock) {
        requireStatus("evaluate", EVALUABLE);
        Rules.notInFuture("evaluatedOn", command.evaluatedOn(), today(clock));
        apply(new CommitmentEvaluated(commitmentId, command.evaluatedOn(), command.completionLevel(),
                command.didItOpenGovernment(), command.findings(), command.evaluator()));
        return version;
    }

    @CommandHandler
    public long handle(SuspendCommitment command) {
        requireStatus("suspend", SUSPENDABLE);
        apply(new CommitmentSuspended(commitmentId, command.reason(), status));
        return version;
    }

    @CommandHandler
    public long handle(ResumeCommitment command) {
        requireStatus("resume", EnumSet.of(SUSPENDED));
        apply(new CommitmentResumed(commitmentId, suspendedFrom));
        return version;
    }

    @CommandHandler
    public long handle(CancelCommitment command) {
        if (status.isFinal()) {
            throw new InvalidStateException("cannot cancel a commitment in " + status + ": it is final");
        }
        apply(new CommitmentCancelled(commitmentId, command.reason(), status));
        return version;
    }

    @EventSourcingHandler
    void on(CommitmentEvent event, @SequenceNumber long sequence) {
        version = sequence;
        switch (event) {
            case CommitmentDrafted e -> {
                commitmentId = e.commitmentId();
                status = DRAFT;
                startDate = e.startDate();
                endDate = e.endDate();
            }
            case CommitmentDetailsRevised e -> {
                startDate = e.startDate();
                endDate = e.endDate();
            }
            case MilestonePlanned e -> milestones.put(e.milestoneId(), new Milestone(e.dueDate(), false));
            case IndicatorDefined e -> indicators.add(e.indicatorId());
            case CommitmentAdopted e -> status = ADOPTED;
            case ImplementationStarted e -> status = IN_IMPLEMENTATION;
            case MilestoneProgressLogged e -> {
                // progress changes no rule's outcome
            }
            case MilestoneCompleted e -> milestones.computeIfPresent(e.milestoneId(),
                    (id, milestone) -> new Milestone(milestone.dueDate(), true));
            case MilestoneRescheduled e -> milestones.computeIfPresent(e.milestoneId(),
                    (id, milestone) -> new Milestone(e.newDueDate(), milestone.completed()));
            case MeasurementRecorded e -> measurements.put(e.measurementId(), new Measurement(e.indicatorId(), e.value()));
            case MeasurementCorrected e -> measurements.put(e.measurementId(), new Measurement(e.indicatorId(), e.value()));
            case MonitoringReportSubmitted e -> {
                // reports change no rule's outcome
            }
            case CommitmentCompleted e -> status = COMPLETED;
            case CommitmentEvaluated e -> status = EVALUATED;
            case CommitmentSuspended e -> {
                suspendedFrom = e.suspendedFrom();
                status = SUSPENDED;
            }
            case CommitmentResumed e -> {
                status = e.resumedTo();
                suspendedFrom = null;
            }
            case CommitmentCancelled e -> status = CommitmentStatus.CANCELLED;
        }
    }

    private void requireStatus(String action, Set<CommitmentStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new InvalidStateException("cannot " + action + " while the commitment is " + status
                    + "; allowed in " + allowed);
        }
    }

    /** Ids of new parts are chosen by the caller; reusing one would overwrite what the record must keep. */
    private static void requireNew(String what, String id, boolean exists) {
        if (exists) {
            throw new InvalidStateException(what + " " + id + " already exists; a new " + what + " needs a new id");
        }
    }

    private void requireWithinDates(String field, LocalDate date) {
        if (date.isBefore(startDate) || date.isAfter(endDate)) {
            throw new InvalidInputException(field, field + " " + date + " lies outside the commitment's dates "
                    + startDate + " to " + endDate);
        }
    }

    private Milestone milestone(String milestoneId) {
        Milestone milestone = milestones.get(milestoneId);
        if (milestone == null) {
            throw new NotFoundException("milestone", milestoneId);
        }
        return milestone;
    }

    private void requireIndicator(String indicatorId) {
        if (!indicators.contains(indicatorId)) {
            throw new NotFoundException("indicator", indicatorId);
        }
    }

    private static void checkDetails(CommitmentDetails details) {
        Rules.notBefore("endDate", details.endDate(), "startDate", details.startDate());
        Rules.sdgTargets("sdgTargets", details.sdgTargets());
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }
}
