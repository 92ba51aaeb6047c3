package mx.gobiernoabierto.compromisos.command.commitment.web;

import java.net.URI;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

    private static final String IF_MATCH = "If-Match";

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
    ResponseEntity<CommitmentResponse> revise(@PathVariable String id, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                              @Valid @RequestBody ReviseDetailsRequest request) {
        return ok(id, commands.send(new ReviseCommitmentDetails(checked(id), Versions.expected(ifMatch), request.details())));
    }

    @PostMapping("/{id}/milestones")
    ResponseEntity<MilestoneResponse> planMilestone(@PathVariable String id, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                    @Valid @RequestBody PlanMilestoneRequest request) {
        String milestoneId = Ids.newId();
        long version = commands.send(new PlanMilestone(checked(id), Versions.expected(ifMatch), milestoneId,
                request.title(), request.description(), request.dueDate(), request.responsible(), request.weight()));
        return Versions.created(location(id, "milestones", milestoneId), version, new MilestoneResponse(id, milestoneId, version));
    }

    @PostMapping("/{id}/indicators")
    ResponseEntity<IndicatorResponse> defineIndicator(@PathVariable String id, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                      @Valid @RequestBody DefineIndicatorRequest request) {
        String indicatorId = Ids.newId();
        long version = commands.send(new DefineIndicator(checked(id), Versions.expected(ifMatch), indicatorId,
                request.name(), request.kind(), request.unit(), request.baseline(), request.baselineDate(),
                request.target(), request.targetDate(), request.direction(), request.frequency(),
                request.meansOfVerification(), request.sdgIndicator()));
        return Versions.created(location(id, "indicators", indicatorId), version, new IndicatorResponse(id, indicatorId, version));
    }

    @PostMapping("/{id}/adoption")
    ResponseEntity<CommitmentResponse> adopt(@PathVariable String id, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody AdoptRequest request) {
        var approvals = request.approvals().stream().map(a -> new Approval(a.sector(), a.name())).toList();
        return ok(id, commands.send(new AdoptCommitment(checked(id), Versions.expected(ifMatch), request.sessionDate(), approvals)));
    }

    @PostMapping("/{id}/implementation")
    ResponseEntity<CommitmentResponse> startImplementation(@PathVariable String id, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                           @Valid @RequestBody StartImplementationRequest request) {
        return ok(id, commands.send(new StartImplementation(checked(id), Versions.expected(ifMatch), request.startedOn())));
    }

    @PostMapping("/{id}/milestones/{milestoneId}/progress")
    ResponseEntity<CommitmentResponse> logProgress(@PathVariable String id, @PathVariable String milestoneId,
                                                   @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                   @Valid @RequestBody LogProgressRequest request) {
        Ids.require("milestoneId", milestoneId);
        return ok(id, commands.send(new LogMilestoneProgress(checked(id), Versions.expected(ifMatch), milestoneId,
                request.percent(), request.note(), request.evidenceUrls(), request.reportedOn())));
    }

    @PostMapping("/{id}/milestones/{milestoneId}/completion")
    ResponseEntity<CommitmentResponse> completeMilestone(@PathVariable String id, @PathVariable String milestoneId,
                                                         @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                         @Valid @RequestBody CompleteMilestoneRequest request) {
        Ids.require("milestoneId", milestoneId);
        return ok(id, commands.send(new CompleteMilestone(checked(id), Versions.expected(ifMatch), milestoneId,
                request.completedOn(), request.evidenceUrls(), request.note())));
    }

    @PostMapping("/{id}/milestones/{milestoneId}/reschedule")
    ResponseEntity<CommitmentResponse> reschedule(@PathVariable String id, @PathVariable String milestoneId,
                                                  @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                  @Valid @RequestBody RescheduleRequest request) {
        Ids.require("milestoneId", milestoneId);
        return ok(id, commands.send(new RescheduleMilestone(checked(id), Versions.expected(ifMatch), milestoneId,
                request.newDueDate(), request.reason())));
    }

    @PostMapping("/{id}/indicators/{indicatorId}/measurements")
    ResponseEntity<MeasurementResponse> recordMeasurement(@PathVariable String id, @PathVariable String indicatorId,
                                                          @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                          @Valid @RequestBody RecordMeasurementRequest request) {
        Ids.require("indicatorId", indicatorId);
        String measurementId = Ids.newId();
        long version = commands.send(new RecordMeasurement(checked(id), Versions.expected(ifMatch), indicatorId,
                measurementId, request.value(), request.measuredOn(), request.source(), request.note()));
        return Versions.created(location(id, "indicators/" + indicatorId + "/measurements", measurementId), version,
                new MeasurementResponse(id, indicatorId, measurementId, version));
    }

    @PostMapping("/{id}/indicators/{indicatorId}/measurements/{measurementId}/correction")
    ResponseEntity<CommitmentResponse> correctMeasurement(@PathVariable String id, @PathVariable String indicatorId,
                                                          @PathVariable String measurementId,
                                                          @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                          @Valid @RequestBody CorrectMeasurementRequest request) {
        Ids.require("indicatorId", indicatorId);
        Ids.require("measurementId", measurementId);
        return ok(id, commands.send(new CorrectMeasurement(checked(id), Versions.expected(ifMatch), indicatorId,
                measurementId, request.value(), request.reason())));
    }

    @PostMapping("/{id}/monitoring-reports")
    ResponseEntity<ReportResponse> submitReport(@PathVariable String id, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                @Valid @RequestBody MonitoringReportRequest request) {
        String reportId = Ids.newId();
        long version = commands.send(new SubmitMonitoringReport(checked(id), Versions.expected(ifMatch), reportId,
                request.periodEnd(), request.assessment(), request.narrative()));
        return Versions.created(location(id, "monitoring-reports", reportId), version, new ReportResponse(id, reportId, version));
    }

    @PostMapping("/{id}/completion")
    ResponseEntity<CommitmentResponse> complete(@PathVariable String id, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                @Valid @RequestBody CompleteCommitmentRequest request) {
        return ok(id, commands.send(new CompleteCommitment(checked(id), Versions.expected(ifMatch), request.completedOn())));
    }

    @PostMapping("/{id}/evaluation")
    ResponseEntity<CommitmentResponse> evaluate(@PathVariable String id, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                @Valid @RequestBody EvaluationRequest request) {
        return ok(id, commands.send(new EvaluateCommitment(checked(id), Versions.expected(ifMatch), request.evaluatedOn(),
                request.completionLevel(), request.didItOpenGovernment(), request.findings(), request.evaluator())));
    }

    @PostMapping("/{id}/suspension")
    ResponseEntity<CommitmentResponse> suspend(@PathVariable String id, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                               @Valid @RequestBody ReasonRequest request) {
        return ok(id, commands.send(new SuspendCommitment(checked(id), Versions.expected(ifMatch), request.reason())));
    }

    @PostMapping("/{id}/resumption")
    ResponseEntity<CommitmentResponse> resume(@PathVariable String id, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                              @Valid @RequestBody(required = false) EmptyRequest request) {
        return ok(id, commands.send(new ResumeCommitment(checked(id), Versions.expected(ifMatch))));
    }

    @PostMapping("/{id}/cancellation")
    ResponseEntity<CommitmentResponse> cancel(@PathVariable String id, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                              @Valid @RequestBody ReasonRequest request) {
        return ok(id, commands.send(new CancelCommitment(checked(id), Versions.expected(ifMatch), request.reason())));
    }

    private static String checked(String commitmentId) {
        Ids.require("commitmentId", commitmentId);
        return commitmentId;
    }

    private static ResponseEntity<CommitmentResponse> ok(String commitmentId, long version) {
        return Versions.ok(version, new CommitmentResponse(commitmentId, version));
    }

    private static URI location(String commitmentId, String collection, String id) {
        return URI.create("/api/v1/commitments/" + commitmentId + "/" + collection + "/" + id);
    }
}
