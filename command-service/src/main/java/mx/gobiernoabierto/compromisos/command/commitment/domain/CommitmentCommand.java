package mx.gobiernoabierto.compromisos.command.commitment.domain;

/** A command on an existing commitment; {@code expectedVersion}, when not {@code null}, must be its version. */
public sealed interface CommitmentCommand permits CommitmentCommands.ReviseCommitmentDetails,
        CommitmentCommands.PlanMilestone, CommitmentCommands.DefineIndicator, CommitmentCommands.AdoptCommitment,
        CommitmentCommands.StartImplementation, CommitmentCommands.LogMilestoneProgress,
        CommitmentCommands.CompleteMilestone, CommitmentCommands.RescheduleMilestone,
        CommitmentCommands.RecordMeasurement, CommitmentCommands.CorrectMeasurement,
        CommitmentCommands.SubmitMonitoringReport, CommitmentCommands.CompleteCommitment,
        CommitmentCommands.EvaluateCommitment, CommitmentCommands.SuspendCommitment,
        CommitmentCommands.ResumeCommitment, CommitmentCommands.CancelCommitment {

    String commitmentId();

    Long expectedVersion();
}
