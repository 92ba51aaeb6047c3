package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import mx.gobiernoabierto.compromisos.events.Approval;
import mx.gobiernoabierto.compromisos.events.Assessment;
import mx.gobiernoabierto.compromisos.events.CommitmentAdopted;
import mx.gobiernoabierto.compromisos.events.CommitmentCancelled;
import mx.gobiernoabierto.compromisos.events.CommitmentCompleted;
import mx.gobiernoabierto.compromisos.events.CommitmentDrafted;
import mx.gobiernoabierto.compromisos.events.CommitmentEvaluated;
import mx.gobiernoabierto.compromisos.events.CommitmentEvent;
import mx.gobiernoabierto.compromisos.events.CommitmentResumed;
import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.CommitmentSuspended;
import mx.gobiernoabierto.compromisos.events.CompletionLevel;
import mx.gobiernoabierto.compromisos.events.Direction;
import mx.gobiernoabierto.compromisos.events.Frequency;
import mx.gobiernoabierto.compromisos.events.ImplementationStarted;
import mx.gobiernoabierto.compromisos.events.IndicatorDefined;
import mx.gobiernoabierto.compromisos.events.IndicatorKind;
import mx.gobiernoabierto.compromisos.events.MeasurementCorrected;
import mx.gobiernoabierto.compromisos.events.MeasurementRecorded;
import mx.gobiernoabierto.compromisos.events.MilestoneCompleted;
import mx.gobiernoabierto.compromisos.events.MilestonePlanned;
import mx.gobiernoabierto.compromisos.events.MilestoneProgressLogged;
import mx.gobiernoabierto.compromisos.events.MilestoneRescheduled;
import mx.gobiernoabierto.compromisos.events.MonitoringReportSubmitted;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.events.OpenGovernmentEffect;
import mx.gobiernoabierto.compromisos.events.Sector;

/**
 * Writes a commitment's event list for a test: each event gets the next sequence from 0 and an instant one
 * minute after the previous one. {@link #state()} folds the list.
 */
final class Story {

    static final Instant T0 = Instant.parse("2024-01-10T12:00:00.000Z");

    final String commitmentId;
    private final List<FoldInput> events = new ArrayList<>();
    private final LocalDate startDate;
    private final LocalDate endDate;

    private Story(String commitmentId, LocalDate startDate, LocalDate endDate) {
        this.commitmentId = commitmentId;
        this.startDate = startDate;
        this.endDate = endDate;
    }

    static Story drafted(String commitmentId, LocalDate start, LocalDate end, String... sdgTargets) {
        Story story = new Story(commitmentId, start, end);
        return story.then(new CommitmentDrafted(commitmentId, "plan-1", "stl-jalisco", "JAL-" + commitmentId,
                "Título " + commitmentId, "Problema", "Objetivo", List.of("Secretaría"), List.of("OSC"),
                List.of(OgpValue.TRANSPARENCY), List.of(sdgTargets), start, end));
    }

    static Story drafted(String commitmentId) {
        return drafted(commitmentId, LocalDate.parse("2024-03-01"), LocalDate.parse("2025-12-31"), "16.6");
    }

    Story then(CommitmentEvent event) {
        events.add(new FoldInput(event, events.size(), T0.plusSeconds(60L * events.size())));
        return this;
    }

    Story milestone(String milestoneId, String dueDate, String weight) {
        return then(new MilestonePlanned(commitmentId, milestoneId, "Hito " + milestoneId, "Descripción",
                LocalDate.parse(dueDate), "Responsable", weight == null ? null : new BigDecimal(weight)));
    }

    Story milestone(String milestoneId, String weight) {
        return milestone(milestoneId, endDate.toString(), weight);
    }

    Story indicator(String indicatorId, Direction direction, String baseline, String target) {
        return then(new IndicatorDefined(commitmentId, indicatorId, "Indicador " + indicatorId, IndicatorKind.OUTPUT,
                "porcentaje", new BigDecimal(baseline), startDate, new BigDecimal(target), endDate, direction,
                Frequency.QUARTERLY, "Cotejo", null));
    }

    Story adopted() {
        return then(new CommitmentAdopted(commitmentId, startDate, List.of(
                new Approval(Sector.GOVERNMENT, "A"), new Approval(Sector.TRANSPARENCY_BODY, "B"),
                new Approval(Sector.CIVIL_SOCIETY, "C"))));
    }

    Story started() {
        return then(new ImplementationStarted(commitmentId, startDate));
    }

    /** Adopted and in implementation. */
    Story implementing() {
        return adopted().started();
    }

    Story progress(String milestoneId, int percent, String... evidenceUrls) {
        return then(new MilestoneProgressLogged(commitmentId, milestoneId, percent, null, List.of(evidenceUrls),
                startDate));
    }

    Story milestoneCompleted(String milestoneId, String completedOn, String... evidenceUrls) {
        return then(new MilestoneCompleted(commitmentId, milestoneId, LocalDate.parse(completedOn),
                List.of(evidenceUrls), null));
    }

    Story rescheduled(String milestoneId, String previousDueDate, String newDueDate) {
        return then(new MilestoneRescheduled(commitmentId, milestoneId, LocalDate.parse(previousDueDate),
                LocalDate.parse(newDueDate), "motivo"));
    }

    Story measured(String indicatorId, String measurementId, String value, String measuredOn) {
        return then(new MeasurementRecorded(commitmentId, indicatorId, measurementId, new BigDecimal(value),
                LocalDate.parse(measuredOn), "Fuente", null));
    }

    Story corrected(String indicatorId, String measurementId, String previousValue, String value) {
        return then(new MeasurementCorrected(commitmentId, indicatorId, measurementId, new BigDecimal(previousValue),
                new BigDecimal(value), "error de captura"));
    }

    Story reported(String reportId, Assessment assessment) {
        return then(new MonitoringReportSubmitted(commitmentId, reportId, LocalDate.parse("2024-06-30"), assessment,
                "Narrativa"));
    }

    Story completed() {
        return then(new CommitmentCompleted(commitmentId, endDate));
    }

    Story evaluated() {
        return then(new CommitmentEvaluated(commitmentId, endDate, CompletionLevel.SUBSTANTIAL,
                OpenGovernmentEffect.MAJOR, "Hallazgos", "Evaluadora"));
    }

    Story suspended(CommitmentStatus from) {
        return then(new CommitmentSuspended(commitmentId, "veda electoral", from));
    }

    Story resumed(CommitmentStatus to) {
        return then(new CommitmentResumed(commitmentId, to));
    }

    Story cancelled(CommitmentStatus from) {
        return then(new CommitmentCancelled(commitmentId, "fusionado", from));
    }

    List<FoldInput> events() {
        return List.copyOf(events);
    }

    CommitmentState state() {
        return CommitmentFold.foldAll(events);
    }

    CommitmentFigures.Figures figures(String on) {
        return CommitmentFigures.of(state(), LocalDate.parse(on));
    }
}
