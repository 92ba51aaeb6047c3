package mx.gobiernoabierto.compromisos.command.commitment.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import mx.gobiernoabierto.compromisos.events.Approval;
import mx.gobiernoabierto.compromisos.events.Assessment;
import mx.gobiernoabierto.compromisos.events.CompletionLevel;
import mx.gobiernoabierto.compromisos.events.Direction;
import mx.gobiernoabierto.compromisos.events.Frequency;
import mx.gobiernoabierto.compromisos.events.IndicatorKind;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.events.OpenGovernmentEffect;

/** The commands of a commitment's lifecycle; ids of new entities are chosen by the caller. */
public final class CommitmentCommands {

    private CommitmentCommands() {
    }

    public record DraftCommitment(@TargetAggregateIdentifier String commitmentId, String planId, String code,
                                  CommitmentDetails details) {
    }

    /** The revisable details of a commitment. */
    public record CommitmentDetails(String title, String publicProblem, String objective,
                                    List<String> responsibleInstitutions, List<String> civilSocietyOrganisations,
                                    List<OgpValue> ogpValues, List<String> sdgTargets, LocalDate startDate,
                                    LocalDate endDate) {
        public CommitmentDetails {
            responsibleInstitutions = responsibleInstitutions == null ? List.of() : List.copyOf(responsibleInstitutions);
            civilSocietyOrganisations = civilSocietyOrganisations == null ? List.of() : List.copyOf(civilSocietyOrganisations);
            ogpValues = ogpValues == null ? List.of() : List.copyOf(ogpValues);
            sdgTargets = sdgTargets == null ? List.of() : List.copyOf(sdgTargets);
        }
    }

    public record ReviseCommitmentDetails(@TargetAggregateIdentifier String commitmentId, Long expectedVersion,
                                          CommitmentDetails details) implements CommitmentCommand {
    }

    public record PlanMilestone(@TargetAggregateIdentifier String commitmentId, Long expectedVersion,
                                String milestoneId, String title, String description, LocalDate dueDate,
                                String responsible, BigDecimal weight) implements CommitmentCommand {
    }

    public record DefineIndicator(@TargetAggregateIdentifier String commitmentId, Long expectedVersion,
                                  String indicatorId, String name, IndicatorKind kind, String unit,
                                  BigDecimal baseline, LocalDate baselineDate, BigDecimal target,
                                  LocalDate targetDate, Direction direction, Frequency frequency,
                                  String meansOfVerification, String sdgIndicator) implements CommitmentCommand {
    }

    public record AdoptCommitment(@TargetAggregateIdentifier String commitmentId, Long expectedVersion,
                                  LocalDate sessionDate, List<Approval> approvals) implements CommitmentCommand {
        public AdoptCommitment {
            approvals = approvals == null ? List.of() : List.copyOf(approvals);
        }
    }

    public record StartImplementation(@TargetAggregateIdentifier String commitmentId, Long expectedVersion,
                                      LocalDate startedOn) implements CommitmentCommand {
    }

    public record LogMilestoneProgress(@TargetAggregateIdentifier String commitmentId, Long expectedVersion,
                                       String milestoneId, int percent, String note, List<String> evidenceUrls,
                                       LocalDate reportedOn) implements CommitmentCommand {
        public LogMilestoneProgress {
            evidenceUrls = evidenceUrls == null ? List.of() : List.copyOf(evidenceUrls);
        }
    }

    public record CompleteMilestone(@TargetAggregateIdentifier String commitmentId, Long expectedVersion,
                                    String milestoneId, LocalDate completedOn, List<String> evidenceUrls,
                                    String note) implements CommitmentCommand {
        public CompleteMilestone {
            evidenceUrls = evidenceUrls == null ? List.of() : List.copyOf(evidenceUrls);
        }
    }

    public record RescheduleMilestone(@TargetAggregateIdentifier String commitmentId, Long expectedVersion,
                                      String milestoneId, LocalDate newDueDate, String reason)
            implements CommitmentCommand {
    }

    public record RecordMeasurement(@TargetAggregateIdentifier String commitmentId, Long expectedVersion,
                                    String indicatorId, String measurementId, BigDecimal value,
                                    LocalDate measuredOn, String source, String note) implements CommitmentCommand {
    }

    public record CorrectMeasurement(@TargetAggregateIdentifier String commitmentId, Long expectedVersion,
                                     String indicatorId, String measurementId, BigDecimal value, String reason)
            implements CommitmentCommand {
    }

    public record SubmitMonitoringReport(@TargetAggregateIdentifier String commitmentId, Long expectedVersion,
                                         String reportId, LocalDate periodEnd, Assessment assessment,
                                         String narrative) implements CommitmentCommand {
    }

    public record CompleteCommitment(@TargetAggregateIdentifier String commitmentId, Long expectedVersion,
                                     LocalDate completedOn) implements CommitmentCommand {
    }

    public record EvaluateCommitment(@TargetAggregateIdentifier String commitmentId, Long expectedVersion,
                                     LocalDate evaluatedOn, CompletionLevel completionLevel,
                                     OpenGovernmentEffect didItOpenGovernment, String findings, String evaluator)
            implements CommitmentCommand {
    }

    public record SuspendCommitment(@TargetAggregateIdentifier String commitmentId, Long expectedVersion,
                                    String reason) implements CommitmentCommand {
    }

    public record ResumeCommitment(@TargetAggregateIdentifier String commitmentId, Long expectedVersion)
            implements CommitmentCommand {
    }

    public record CancelCommitment(@TargetAggregateIdentifier String commitmentId, Long expectedVersion,
                                   String reason) implements CommitmentCommand {
    }
}
