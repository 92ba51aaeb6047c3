package mx.gobiernoabierto.compromisos.query.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mx.gobiernoabierto.compromisos.events.Approval;
import mx.gobiernoabierto.compromisos.events.CommitmentAdopted;
import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.MeasurementCorrected;
import mx.gobiernoabierto.compromisos.events.MilestoneCompleted;
import mx.gobiernoabierto.compromisos.events.MilestoneProgressLogged;
import mx.gobiernoabierto.compromisos.events.MilestoneRescheduled;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;

/**
 * What the commitment page tells beyond the view's figures, read from the commitment's own events: the adoption's
 * approvals, each milestone's progress reports and reschedules (with their reasons), and each measurement's
 * corrections (with their reasons). The view keeps only the latest of each; people want the story.
 */
record CommitmentRecord(CommitmentAdopted adoption, Map<String, List<Step>> milestoneSteps,
                        Map<String, List<Correction>> corrections) {

    /** A dated step of a milestone: progress logged, completion, or a reschedule. */
    record Step(String kind, LocalDate on, Integer percent, String note, List<String> evidenceUrls,
                LocalDate previousDueDate, LocalDate newDueDate, String reason) {
    }

    record Correction(BigDecimal previousValue, BigDecimal value, String reason) {
    }

    static CommitmentRecord of(List<EventEnvelope> events, java.time.ZoneId zone) {
        CommitmentAdopted adoption = null;
        Map<String, List<Step>> steps = new LinkedHashMap<>();
        Map<String, List<Correction>> corrections = new LinkedHashMap<>();
        for (EventEnvelope envelope : events) {
            DomainEvent event;
            try {
                event = envelope.event();
            } catch (RuntimeException unknown) {
                continue;
            }
            switch (event) {
                case CommitmentAdopted e -> adoption = e;
                case MilestoneProgressLogged e -> steps.computeIfAbsent(e.milestoneId(), id -> new ArrayList<>())
                        .add(new Step("avance", e.reportedOn(), e.percent(), e.note(), e.evidenceUrls(), null, null, null));
                case MilestoneCompleted e -> steps.computeIfAbsent(e.milestoneId(), id -> new ArrayList<>())
                        .add(new Step("conclusion", e.completedOn(), 100, e.note(), e.evidenceUrls(), null, null, null));
                case MilestoneRescheduled e -> steps.computeIfAbsent(e.milestoneId(), id -> new ArrayList<>())
                        .add(new Step("reprogramacion", envelope.occurredAtInstant().atZone(zone)
                                .toLocalDate(), null, null, List.of(), e.previousDueDate(), e.newDueDate(), e.reason()));
                case MeasurementCorrected e -> corrections.computeIfAbsent(e.measurementId(), id -> new ArrayList<>())
                        .add(new Correction(e.previousValue(), e.value(), e.reason()));
                default -> {
                }
            }
        }
        return new CommitmentRecord(adoption, steps, corrections);
    }

    public List<Step> steps(String milestoneId) {
        return milestoneSteps.getOrDefault(milestoneId, List.of());
    }

    public List<Step> reschedules(String milestoneId) {
        return steps(milestoneId).stream().filter(s -> s.kind().equals("reprogramacion")).toList();
    }

    public List<Correction> corrections(String measurementId) {
        return corrections.getOrDefault(measurementId, List.of());
    }

    public List<Approval> approvals() {
        return adoption == null ? List.of() : adoption.approvals();
    }
}
