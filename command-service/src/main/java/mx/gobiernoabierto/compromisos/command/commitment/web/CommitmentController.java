package mx.gobiernoabierto.compromisos.command.commitment.web;

import java.net.URI;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.*;
import mx.gobiernoabierto.compromisos.command.commitment.web.CommitmentRequests.*;
import mx.gobiernoabierto.compromisos.command.security.StlAccess;
import mx.gobiernoabierto.compromisos.command.web.CommandSender;
import mx.gobiernoabierto.compromisos.command.web.Ids;
import mx.gobiernoabierto.compromisos.command.web.Versions;
import mx.gobiernoabierto.compromisos.events.Approval;

/** The commands of a commitment's lifecycle over HTTP; every rule is the aggregate's, not this class's. */
@RestController
@RequestMapping("/api/v1/commitments")
class CommitmentController {

    private final CommandSender commands;
    private final StlAccess stlAccess;

    CommitmentController(CommandSender commands, StlAccess stlAccess) {
        this.commands = commands;
        this.stlAccess = stlAccess;
    }

    @PostMapping
    ResponseEntity<CommitmentResponse> draft(@Valid @RequestBody DraftCommitmentRequest request) {
        stlAccess.requireEditorOfPlan(request.planId());
        String commitmentId = Ids.newId();
        commands.send(new DraftCommitment(commitmentId, request.planId(), request.code(), request.details()));
        return Versions.created(URI.create("/api/v1/commitments/" + commitmentId), 0,
                new CommitmentResponse(commitmentId, 0));
    }

    @PutMapping("/{id}/details")
    ResponseEntity<CommitmentResponse> revise(@Valid @RequestBody ReviseDetailsRequest request,
                                              TargetCommitment commitment) {
        return ok(commitment, commands.send(new ReviseCommitmentDetails(commitment.id(),
                commitment.expectedVersion(), request.details())));
    }

    @PostMapping("/{id}/milestones")
    ResponseEntity<MilestoneResponse> planMilestone(@Valid @RequestBody PlanMilestoneRequest request,
                                                    TargetCommitment commitment) {
        String milestoneId = Ids.newId();
        long version = commands.send(new PlanMilestone(commitment.id(),
                commitment.expectedVersion(), milestoneId,
                request.title(), request.description(), request.dueDate(), request.responsible(), request.weight()));
        return Versions.created(location(commitment.id(), "milestones", milestoneId), version,
                new MilestoneResponse(commitment.id(), milestoneId, version));
    }

    @PostMapping("/{id}/indicators")
    ResponseEntity<IndicatorResponse> defineIndicator(@Valid @RequestBody DefineIndicatorRequest request,
                                                      TargetCommitment commitment) {
        String indicatorId = Ids.newId();
        long version = commands.send(new DefineIndicator(commitment.id(),
                commitment.expectedVersion(), indicatorId,
                request.name(), request.kind(), request.unit(), request.baseline(), request.baselineDate(),
                request.target(), request.targetDate(), request.direction(), request.frequency(),
                request.meansOfVerification(), request.sdgIndicator()));
        return Versions.created(location(commitment.id(), "indicators", indicatorId), version,
                new IndicatorResponse(commitment.id(), indicatorId, version));
    }

    @PostMapping("/{id}/adoption")
    ResponseEntity<CommitmentResponse> adopt(@Valid @RequestBody AdoptRequest request, TargetCommitment commitment) {
        var approvals = request.approvals().stream().map(a -> new Approval(a.sector(), a.name())).toList();
        return ok(commitment, commands.send(new AdoptCommitment(commitment.id(),
                commitment.expectedVersion(), request.sessionDate(), approvals)));
    }

    @PostMapping("/{id}/implementation")
    ResponseEntity<CommitmentResponse> startImplementation(@Valid @RequestBody StartImplementationRequest request,
                                                           TargetCommitment commitment) {
        return ok(commitment, commands.send(new StartImplementation(commitment.id(),
                commitment.expectedVersion(), request.startedOn())));
    }

    @PostMapping("/{id}/milestones/{milestoneId}/progress")
    ResponseEntity<CommitmentResponse> logProgress(@PathVariable String milestoneId,
                                                   @Valid @RequestBody LogProgressRequest request,
                                                   TargetCommitment commitment) {
        return ok(commitment, commands.send(new LogMilestoneProgress(commitment.id(),
                commitment.expectedVersion(), milestoneId,
                request.percent(), request.note(), request.evidenceUrls(), request.reportedOn())));
    }

    @PostMapping("/{id}/milestones/{milestoneId}/completion")
    ResponseEntity<CommitmentResponse> completeMilestone(@PathVariable String milestoneId,
                                                         @Valid @RequestBody CompleteMilestoneRequest request,
                                                         TargetCommitment commitment) {
        return ok(commitment, commands.send(new CompleteMilestone(commitment.id(),
                commitment.expectedVersion(), milestoneId,
                request.completedOn(), request.evidenceUrls(), request.note())));
    }

    @PostMapping("/{id}/milestones/{milestoneId}/reschedule")
    ResponseEntity<CommitmentResponse> reschedule(@PathVariable String milestoneId,
                                                  @Valid @RequestBody RescheduleRequest request,
                                                  TargetCommitment commitment) {
        return ok(commitment, commands.send(new RescheduleMilestone(commitment.id(),
                commitment.expectedVersion(), milestoneId,
                request.newDueDate(), request.reason())));
    }

    @PostMapping("/{id}/indicators/{indicatorId}/measurements")
    ResponseEntity<MeasurementResponse> recordMeasurement(@PathVariable String indicatorId,
                                                          @Valid @RequestBody RecordMeasurementRequest request,
                                                          TargetCommitment commitment) {
        String measurementId = Ids.newId();
        long version = commands.send(new RecordMeasurement(commitment.id(),
                commitment.expectedVersion(), indicatorId,
                measurementId, request.value(), request.measuredOn(), request.source(), request.note()));
        return Versions.created(location(commitment.id(), "indicators/" + indicatorId + "/measurements",
                measurementId), version,
                new MeasurementResponse(commitment.id(), indicatorId, measurementId, version));
    }

    @PostMapping("/{id}/indicators/{indicatorId}/measurements/{measurementId}/correction")
    ResponseEntity<CommitmentResponse> correctMeasurement(@PathVariable String indicatorId,
                                                          @PathVariable String measurementId,
                                                          @Valid @RequestBody CorrectMeasurementRequest request,
                                                          TargetCommitment commitment) {
        return ok(commitment, commands.send(new CorrectMeasurement(commitment.id(),
                commitment.expectedVersion(), indicatorId,
                measurementId, request.value(), request.reason())));
    }

    @PostMapping("/{id}/monitoring-reports")
    ResponseEntity<ReportResponse> submitReport(@Valid @RequestBody MonitoringReportRequest request,
                                                TargetCommitment commitment) {
        String reportId = Ids.newId();
        long version = commands.send(new SubmitMonitoringReport(commitment.id(),
                commitment.expectedVersion(), reportId,
                request.periodEnd(), request.assessment(), request.narrative()));
        return Versions.created(location(commitment.id(), "monitoring-reports", reportId), version,
                new ReportResponse(commitment.id(), reportId, version));
    }

    @PostMapping("/{id}/completion")
    ResponseEntity<CommitmentResponse> complete(@Valid @RequestBody CompleteCommitmentRequest request,
                                                TargetCommitment commitment) {
        return ok(commitment, commands.send(new CompleteCommitment(commitment.id(),
                commitment.expectedVersion(), request.completedOn())));
    }

    @PostMapping("/{id}/evaluation")
    ResponseEntity<CommitmentResponse> evaluate(@Valid @RequestBody EvaluationRequest request,
                                                TargetCommitment commitment) {
        return ok(commitment, commands.send(new EvaluateCommitment(commitment.id(),
                commitment.expectedVersion(), request.evaluatedOn(),
                request.completionLevel(), request.didItOpenGovernment(), request.findings(), request.evaluator())));
    }

    @PostMapping("/{id}/suspension")
    ResponseEntity<CommitmentResponse> suspend(@Valid @RequestBody ReasonRequest request, TargetCommitment commitment) {
        return ok(commitment, commands.send(new SuspendCommitment(commitment.id(),
                commitment.expectedVersion(), request.reason())));
    }

    @PostMapping("/{id}/resumption")
    ResponseEntity<CommitmentResponse> resume(@Valid @RequestBody(required = false) EmptyRequest request,
                                              TargetCommitment commitment) {
        return ok(commitment, commands.send(new ResumeCommitment(commitment.id(),
                commitment.expectedVersion())));
    }

    @PostMapping("/{id}/cancellation")
    ResponseEntity<CommitmentResponse> cancel(@Valid @RequestBody ReasonRequest request, TargetCommitment commitment) {
        return ok(commitment, commands.send(new CancelCommitment(commitment.id(),
                commitment.expectedVersion(), request.reason())));
    }

    private static ResponseEntity<CommitmentResponse> ok(TargetCommitment commitment, long version) {
        return Versions.ok(version, new CommitmentResponse(commitment.id(), version));
    }

    private static URI location(String commitmentId, String collection, String id) {
        return URI.create("/api/v1/commitments/" + commitmentId + "/" + collection + "/" + id);
    }
}
