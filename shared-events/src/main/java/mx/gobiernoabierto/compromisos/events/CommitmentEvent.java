package mx.gobiernoabierto.compromisos.events;

/** The events of a commitment's stream, in lifecycle order of their usual appearance. */
public sealed interface CommitmentEvent extends DomainEvent permits
        CommitmentDrafted, CommitmentDetailsRevised, MilestonePlanned, IndicatorDefined, CommitmentAdopted,
        ImplementationStarted, MilestoneProgressLogged, MilestoneCompleted, MilestoneRescheduled,
        MeasurementRecorded, MeasurementCorrected, MonitoringReportSubmitted, CommitmentCompleted,
        CommitmentEvaluated, CommitmentSuspended, CommitmentResumed, CommitmentCancelled {

    /** The commitment's id, a UUID string. */
    String commitmentId();

    @Override
    default String aggregateId() {
        return commitmentId();
    }

    @Override
    default String aggregateType() {
        return "Commitment";
    }
}
