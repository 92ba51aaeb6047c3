package mx.gobiernoabierto.compromisos.command.commitment.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.CommitmentDetails;
import mx.gobiernoabierto.compromisos.events.Assessment;
import mx.gobiernoabierto.compromisos.events.CompletionLevel;
import mx.gobiernoabierto.compromisos.events.Direction;
import mx.gobiernoabierto.compromisos.events.Frequency;
import mx.gobiernoabierto.compromisos.events.IndicatorKind;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.events.OpenGovernmentEffect;
import mx.gobiernoabierto.compromisos.events.Sector;
import mx.gobiernoabierto.compromisos.events.Identifiers;

/**
 * Request bodies of the commitment endpoints. Limits: titles and names 300 characters, long texts 10,000,
 * URLs 2,000 (absolute {@code http} or {@code https}), units 100, codes 50, SDG codes 10 or 12, lists 50 entries;
 * numbers at most 1e15 in size with at most 10 decimals. Every text is plain text (no control characters but tab
 * and line breaks, no markup) and every date is {@code YYYY-MM-DD}: see {@code StrictJsonConfig}.
 */
final class CommitmentRequests {

    static final int NAME = 300;
    static final int TEXT = 10_000;
    static final int URL = 2_000;
    static final int LIST = 50;
    static final int DECIMALS = 10;

    private CommitmentRequests() {
    }

    record DraftCommitmentRequest(
            @NotBlank @Pattern(regexp = Identifiers.ID_PATTERN,
                    message = "must be a plan id (UUID)") String planId,
            @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                    message = "letters, digits, '.', '_' and '-' only, such as JAL-2024-03") String code,
            @NotBlank @Size(max = NAME) String title,
            @NotBlank @Size(max = TEXT) String publicProblem,
            @NotBlank @Size(max = TEXT) String objective,
            @NotNull @Size(max = LIST) List<@NotBlank @Size(max = NAME) String> responsibleInstitutions,
            @NotNull @Size(max = LIST) List<@NotBlank @Size(max = NAME) String> civilSocietyOrganisations,
            @NotNull @Size(max = LIST) List<@NotNull OgpValue> ogpValues,
            @NotNull @Size(max = LIST) List<@NotBlank @Size(max = 10) String> sdgTargets,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate) {

        CommitmentDetails details() {
            return new CommitmentDetails(title, publicProblem, objective, responsibleInstitutions,
                    civilSocietyOrganisations, ogpValues, sdgTargets, startDate, endDate);
        }
    }

    record ReviseDetailsRequest(
            @NotBlank @Size(max = NAME) String title,
            @NotBlank @Size(max = TEXT) String publicProblem,
            @NotBlank @Size(max = TEXT) String objective,
            @NotNull @Size(max = LIST) List<@NotBlank @Size(max = NAME) String> responsibleInstitutions,
            @NotNull @Size(max = LIST) List<@NotBlank @Size(max = NAME) String> civilSocietyOrganisations,
            @NotNull @Size(max = LIST) List<@NotNull OgpValue> ogpValues,
            @NotNull @Size(max = LIST) List<@NotBlank @Size(max = 10) String> sdgTargets,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate) {

        CommitmentDetails details() {
            return new CommitmentDetails(title, publicProblem, objective, responsibleInstitutions,
                    civilSocietyOrganisations, ogpValues, sdgTargets, startDate, endDate);
        }
    }

    record PlanMilestoneRequest(
            @NotBlank @Size(max = NAME) String title,
            @NotBlank @Size(max = TEXT) String description,
            @NotNull LocalDate dueDate,
            @NotBlank @Size(max = NAME) String responsible,
            @DecimalMin(value = "0", inclusive = false, message = "must be a positive number")
            @DecimalMax("1000000") @Digits(integer = 7, fraction = DECIMALS) BigDecimal weight) {
    }

    record DefineIndicatorRequest(
            @NotBlank @Size(max = NAME) String name,
            @NotNull IndicatorKind kind,
            @NotBlank @Size(max = 100) String unit,
            @NotNull @DecimalMin("-1e15") @DecimalMax("1e15") @Digits(integer = 16, fraction = DECIMALS) BigDecimal baseline,
            @NotNull LocalDate baselineDate,
            @NotNull @DecimalMin("-1e15") @DecimalMax("1e15") @Digits(integer = 16, fraction = DECIMALS) BigDecimal target,
            @NotNull LocalDate targetDate,
            @NotNull Direction direction,
            @NotNull Frequency frequency,
            @NotBlank @Size(max = TEXT) String meansOfVerification,
            @Size(max = 12) String sdgIndicator) {
    }

    record ApprovalRequest(@NotNull Sector sector, @NotBlank @Size(max = NAME) String name) {
    }

    record AdoptRequest(@NotNull LocalDate sessionDate,
                        @NotEmpty @Size(max = LIST) List<@NotNull @Valid ApprovalRequest> approvals) {
    }

    record StartImplementationRequest(@NotNull LocalDate startedOn) {
    }

    record LogProgressRequest(
            @NotNull @Min(0) @Max(100) Integer percent,
            @Size(max = TEXT) String note,
            @Size(max = LIST) List<@NotBlank @Size(max = URL) String> evidenceUrls,
            @NotNull LocalDate reportedOn) {
    }

    record CompleteMilestoneRequest(
            @NotNull LocalDate completedOn,
            @NotEmpty @Size(max = LIST) List<@NotBlank @Size(max = URL) String> evidenceUrls,
            @Size(max = TEXT) String note) {
    }

    record RescheduleRequest(@NotNull LocalDate newDueDate, @NotBlank @Size(max = TEXT) String reason) {
    }

    record RecordMeasurementRequest(
            @NotNull @DecimalMin("-1e15") @DecimalMax("1e15") @Digits(integer = 16, fraction = DECIMALS) BigDecimal value,
            @NotNull LocalDate measuredOn,
            @NotBlank @Size(max = NAME) String source,
            @Size(max = TEXT) String note) {
    }

    record CorrectMeasurementRequest(
            @NotNull @DecimalMin("-1e15") @DecimalMax("1e15") @Digits(integer = 16, fraction = DECIMALS) BigDecimal value,
            @NotBlank @Size(max = TEXT) String reason) {
    }

    record MonitoringReportRequest(@NotNull LocalDate periodEnd, @NotNull Assessment assessment,
                                   @NotBlank @Size(max = TEXT) String narrative) {
    }

    record CompleteCommitmentRequest(@NotNull LocalDate completedOn) {
    }

    record EvaluationRequest(@NotNull LocalDate evaluatedOn, @NotNull CompletionLevel completionLevel,
                             @NotNull OpenGovernmentEffect didItOpenGovernment,
                             @NotBlank @Size(max = TEXT) String findings,
                             @NotBlank @Size(max = NAME) String evaluator) {
    }

    record ReasonRequest(@NotBlank @Size(max = TEXT) String reason) {
    }

    record EmptyRequest() {
    }

    record CommitmentResponse(String commitmentId, long version) {
    }

    record MilestoneResponse(String commitmentId, String milestoneId, long version) {
    }

    record IndicatorResponse(String commitmentId, String indicatorId, long version) {
    }

    record MeasurementResponse(String commitmentId, String indicatorId, String measurementId, long version) {
    }

    record ReportResponse(String commitmentId, String reportId, long version) {
    }
}
