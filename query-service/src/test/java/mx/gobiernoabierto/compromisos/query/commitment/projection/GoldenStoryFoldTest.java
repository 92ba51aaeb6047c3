package mx.gobiernoabierto.compromisos.query.commitment.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.events.Assessment;
import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.CompletionLevel;
import mx.gobiernoabierto.compromisos.events.Direction;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.events.OpenGovernmentEffect;
import mx.gobiernoabierto.compromisos.events.golden.GoldenSamples;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState.Indicator;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState.Measurement;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState.Milestone;

/** Folds the frozen JSON of the contract's golden stream: JAL-2024-03 of stl-jalisco, sequences 0 to 15. */
class GoldenStoryFoldTest {

    private static final String COMMITMENT_ID = "4dd3f60b-de88-4ff3-a07a-076f338b436f";

    private static List<FoldInput> goldenStream() {
        List<FoldInput> stream = GoldenSamples.all().values().stream()
                .filter(e -> e.aggregateId().equals(COMMITMENT_ID))
                .sorted(Comparator.comparingLong(EventEnvelope::sequence))
                .map(FoldInput::from)
                .toList();
        assertThat(stream).extracting(FoldInput::sequence)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
        return stream;
    }

    private static CommitmentState foldedUpTo(long sequence) {
        return CommitmentFold.foldAll(goldenStream().stream().filter(e -> e.sequence() <= sequence).toList());
    }

    @Test
    void theGoldenStreamFoldsToTheEvaluatedCommitment() {
        CommitmentState state = CommitmentFold.foldAll(goldenStream());

        assertThat(state.commitmentId()).isEqualTo(COMMITMENT_ID);
        assertThat(state.planId()).isEqualTo("bde9b704-85cf-4ace-90a9-31cae1c57147");
        assertThat(state.stlId()).isEqualTo("stl-jalisco");
        assertThat(state.code()).isEqualTo("JAL-2024-03");
        // the revision (sequence 1) replaced the drafted details
        assertThat(state.title())
                .isEqualTo("Contrataciones abiertas y monitoreo ciudadano de la obra pública estatal");
        assertThat(state.objective()).endsWith("reporten obras con retrasos o irregularidades.");
        assertThat(state.responsibleInstitutions()).hasSize(3)
                .contains("Secretaría de la Hacienda Pública del Estado de Jalisco");
        assertThat(state.civilSocietyOrganisations()).hasSize(2);
        assertThat(state.ogpValues()).containsExactly(OgpValue.TRANSPARENCY, OgpValue.CIVIC_PARTICIPATION,
                OgpValue.PUBLIC_ACCOUNTABILITY, OgpValue.TECHNOLOGY_AND_INNOVATION);
        assertThat(state.sdgTargets()).containsExactly("16.5", "16.6", "16.10");
        assertThat(state.startDate()).isEqualTo("2024-03-01");
        assertThat(state.endDate()).isEqualTo("2025-12-31");

        assertThat(state.status()).isEqualTo(CommitmentStatus.EVALUATED);
        assertThat(state.suspendedFrom()).isNull();
        assertThat(state.version()).isEqualTo(15);
        assertThat(state.lastEventAt()).isEqualTo(Instant.parse("2026-02-20T18:10:03.657Z"));

        assertThat(state.milestones()).hasSize(1);
        Milestone portal = state.milestones().getFirst();
        assertThat(portal.milestoneId()).isEqualTo("d6208581-d197-4e61-bc77-5869a299a433");
        assertThat(portal.dueDate()).isEqualTo("2025-02-28");
        assertThat(portal.originalDueDate()).isEqualTo("2024-11-29");
        assertThat(portal.weight()).isEqualByComparingTo("2");
        assertThat(portal.progress()).isEqualTo(100);
        assertThat(portal.completed()).isTrue();
        assertThat(portal.completedOn()).isEqualTo("2025-02-26");
        assertThat(portal.evidenceUrls()).containsExactly(
                "https://transparencia.jalisco.gob.mx/obra-publica/contrataciones-abiertas/minuta-mesa-tecnica-2024-08-14.pdf",
                "https://contratacionesabiertas.jalisco.gob.mx/obra-publica",
                "https://transparencia.jalisco.gob.mx/obra-publica/contrataciones-abiertas/acta-entrega-portal-2025-02-26.pdf");

        assertThat(state.indicators()).hasSize(1);
        Indicator edca = state.indicators().getFirst();
        assertThat(edca.indicatorId()).isEqualTo("ee3de1af-7cc1-4d7d-8201-22f26300f91d");
        assertThat(edca.baseline()).isEqualByComparingTo("12.5");
        assertThat(edca.target()).isEqualByComparingTo("90");
        assertThat(edca.direction()).isEqualTo(Direction.INCREASE);
        assertThat(edca.sdgIndicator()).isEqualTo("16.10.2");
        assertThat(edca.measurements()).hasSize(1);
        Measurement q1 = edca.measurements().getFirst();
        assertThat(q1.measurementId()).isEqualTo("0efd9feb-5537-4578-9485-0b49c12f7e37");
        assertThat(q1.value()).isEqualByComparingTo("58.7");
        assertThat(q1.originalValue()).isEqualByComparingTo("61.3");
        assertThat(q1.corrected()).isTrue();
        assertThat(q1.measuredOn()).isEqualTo("2025-03-31");
        assertThat(q1.recordedAt()).isEqualTo(11);

        assertThat(state.monitoringReports()).singleElement().satisfies(report -> {
            assertThat(report.reportId()).isEqualTo("ded2760f-65b0-442b-abb8-e7d63ba75af3");
            assertThat(report.assessment()).isEqualTo(Assessment.AT_RISK);
            assertThat(report.periodEnd()).isEqualTo("2025-06-30");
            assertThat(report.submittedAt()).isEqualTo(Instant.parse("2025-07-15T19:01:55.163Z"));
        });

        assertThat(state.evaluation().evaluatedOn()).isEqualTo("2026-02-20");
        assertThat(state.evaluation().completionLevel()).isEqualTo(CompletionLevel.SUBSTANTIAL);
        assertThat(state.evaluation().didItOpenGovernment()).isEqualTo(OpenGovernmentEffect.MAJOR);
        assertThat(state.evaluation().evaluator()).startsWith("Mtra. Patricia Salcedo Núñez");
    }

    @Test
    void theEvaluatedGoldenCommitmentHasItsFinalFigures() {
        CommitmentFigures.Figures figures = CommitmentFigures.of(CommitmentFold.foldAll(goldenStream()),
                LocalDate.parse("2026-03-01"));

        assertThat(figures.implementationProgress()).isEqualTo("100.0");
        assertThat(figures.milestonesTotal()).isEqualTo(1);
        assertThat(figures.milestonesCompleted()).isEqualTo(1);
        assertThat(figures.milestonesOverdue()).isZero();
        assertThat(figures.indicatorsTotal()).isEqualTo(1);
        // (58.7 − 12.5) / (90 − 12.5) × 100 = 46.2 / 77.5 × 100 = 59.6129… → 59.6 (the corrected value counts)
        CommitmentFigures.IndicatorFigures edca = figures.indicators().get("ee3de1af-7cc1-4d7d-8201-22f26300f91d");
        assertThat(edca.latestValue()).isEqualByComparingTo("58.7");
        assertThat(edca.latestMeasuredOn()).isEqualTo("2025-03-31");
        assertThat(edca.progress()).isEqualTo("59.6");
        assertThat(figures.indicatorMeanProgress()).isEqualTo("59.6");
        // EVALUATED: no expected progress, no schedule status
        assertThat(figures.expectedProgress()).isNull();
        assertThat(figures.scheduleStatus()).isNull();
    }

    @Test
    void beforeTheMeasurementWasCorrectedItsOriginalValueCounts() {
        CommitmentState state = foldedUpTo(11);

        // (61.3 − 12.5) / 77.5 × 100 = 48.8 / 77.5 × 100 = 62.967… → 63.0
        assertThat(CommitmentFigures.of(state, LocalDate.parse("2025-04-11")).indicatorMeanProgress())
                .isEqualTo("63.0");
        assertThat(state.indicators().getFirst().measurements().getFirst().corrected()).isFalse();
    }

    @Test
    void asOfTheRescheduleTheGoldenCommitmentWasOnTrack() {
        CommitmentState state = foldedUpTo(9);
        CommitmentFigures.Figures figures = CommitmentFigures.of(state, LocalDate.parse("2024-12-01"));

        assertThat(state.status()).isEqualTo(CommitmentStatus.IN_IMPLEMENTATION);
        assertThat(state.version()).isEqualTo(9);
        // the only milestone (weight 2) logged at 40 → 2×40 / 2 = 40.0
        assertThat(figures.implementationProgress()).isEqualTo("40.0");
        // 2024-03-01 → 2024-12-01 is 275 days of 670 (→ 2025-12-31): 41.044… → 41.0
        assertThat(figures.expectedProgress()).isEqualTo("41.0");
        // 40 ≥ 41.04 − 10
        assertThat(figures.scheduleStatus()).isEqualTo(CommitmentFigures.ON_TRACK);
        // rescheduled to 2025-02-28, so not overdue against the original 2024-11-29
        assertThat(figures.milestonesOverdue()).isZero();
    }

    @Test
    void hadTheMilestoneNotBeenCompletedItWouldHaveBeenOverdueAndTheCommitmentAtRisk() {
        CommitmentState state = foldedUpTo(9);
        CommitmentFigures.Figures figures = CommitmentFigures.of(state, LocalDate.parse("2025-03-01"));

        assertThat(figures.overdueMilestones()).containsExactly("d6208581-d197-4e61-bc77-5869a299a433");
        // 2024-03-01 → 2025-03-01 is 365 days of 670: 54.477… → 54.5; 40 < 44.48 but ≥ 29.48
        assertThat(figures.expectedProgress()).isEqualTo("54.5");
        assertThat(figures.scheduleStatus()).isEqualTo(CommitmentFigures.AT_RISK);
    }

    @Test
    void whileSuspendedTheGoldenCommitmentRemembersItWasAdopted() {
        CommitmentState suspended = foldedUpTo(5);
        CommitmentState resumed = foldedUpTo(6);

        assertThat(suspended.status()).isEqualTo(CommitmentStatus.SUSPENDED);
        assertThat(suspended.suspendedFrom()).isEqualTo(CommitmentStatus.ADOPTED);
        assertThat(resumed.status()).isEqualTo(CommitmentStatus.ADOPTED);
        assertThat(resumed.suspendedFrom()).isNull();
    }
}
