package mx.gobiernoabierto.compromisos.query.commitment.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.events.Assessment;
import mx.gobiernoabierto.compromisos.events.CommitmentDetailsRevised;
import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.CompletionLevel;
import mx.gobiernoabierto.compromisos.events.Direction;
import mx.gobiernoabierto.compromisos.events.ImplementationStarted;
import mx.gobiernoabierto.compromisos.events.MilestoneProgressLogged;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.events.OpenGovernmentEffect;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState.Measurement;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState.Milestone;

class CommitmentFoldTest {

    @Test
    void draftingCreatesADraftAtVersionZero() {
        CommitmentState state = Story.drafted("c1", LocalDate.parse("2024-03-01"), LocalDate.parse("2025-12-31"),
                "16.6", "16.10").state();

        assertThat(state.commitmentId()).isEqualTo("c1");
        assertThat(state.planId()).isEqualTo("plan-1");
        assertThat(state.stlId()).isEqualTo("stl-jalisco");
        assertThat(state.code()).isEqualTo("JAL-c1");
        assertThat(state.status()).isEqualTo(CommitmentStatus.DRAFT);
        assertThat(state.sdgTargets()).containsExactly("16.6", "16.10");
        assertThat(state.startDate()).isEqualTo("2024-03-01");
        assertThat(state.endDate()).isEqualTo("2025-12-31");
        assertThat(state.milestones()).isEmpty();
        assertThat(state.indicators()).isEmpty();
        assertThat(state.monitoringReports()).isEmpty();
        assertThat(state.evaluation()).isNull();
        assertThat(state.suspendedFrom()).isNull();
        assertThat(state.version()).isZero();
        assertThat(state.lastEventAt()).isEqualTo(Story.T0);
    }

    @Test
    void everyEventSetsVersionToItsSequenceAndLastEventAtToWhenItOccurred() {
        CommitmentState drafted = Story.drafted("c1").state();
        Instant at = Instant.parse("2024-05-05T10:00:00.123Z");

        CommitmentState next = CommitmentFold.apply(drafted,
                new ImplementationStarted("c1", LocalDate.parse("2024-05-05")), 7, at);

        assertThat(next.version()).isEqualTo(7);
        assertThat(next.lastEventAt()).isEqualTo(at);
    }

    @Test
    void applyingAnEventLeavesThePreviousStateAsItWas() {
        Story story = Story.drafted("c1").milestone("m1", "1");
        CommitmentState before = story.state();

        CommitmentState after = CommitmentFold.apply(before, new MilestoneProgressLogged("c1", "m1", 30, null,
                List.of("https://a"), LocalDate.parse("2024-04-01")), 2, Instant.parse("2024-04-01T00:00:00Z"));

        assertThat(before.milestones().getFirst().progress()).isZero();
        assertThat(before.version()).isEqualTo(1);
        assertThat(after.milestones().getFirst().progress()).isEqualTo(30);
    }

    @Test
    void listsOfTheStateCannotBeModified() {
        CommitmentState state = Story.drafted("c1").milestone("m1", "1").indicator("i1", Direction.INCREASE, "0", "10")
                .implementing().progress("m1", 10, "https://a").measured("i1", "ms1", "1", "2024-04-01")
                .reported("r1", Assessment.ON_TRACK).state();

        assertThatThrownBy(() -> state.milestones().add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.indicators().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.monitoringReports().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.sdgTargets().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.milestones().getFirst().evidenceUrls().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.indicators().getFirst().measurements().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEventBeforeTheDraftIsRejected() {
        assertThatThrownBy(() -> CommitmentFold.apply(null,
                new ImplementationStarted("c1", LocalDate.parse("2024-05-05")), 0, Story.T0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CommitmentDrafted");
    }

    @Test
    void aSecondDraftIsRejected() {
        Story story = Story.drafted("c1");
        CommitmentState state = story.state();

        assertThatThrownBy(() -> CommitmentFold.apply(state, story.events().getFirst().event(), 1, Story.T0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void foldingNoEventsGivesNoState() {
        assertThat(CommitmentFold.foldAll(List.of())).isNull();
    }

    @Test
    void revisedDetailsReplaceThePreviousOnes() {
        CommitmentState state = Story.drafted("c1").then(new CommitmentDetailsRevised("c1", "Nuevo título",
                "Nuevo problema", "Nuevo objetivo", List.of("S1", "S2"), List.of(),
                List.of(OgpValue.CIVIC_PARTICIPATION), List.of("5.5"), LocalDate.parse("2024-04-01"), LocalDate.parse("2026-03-31"))).state();

        assertThat(state.title()).isEqualTo("Nuevo título");
        assertThat(state.publicProblem()).isEqualTo("Nuevo problema");
        assertThat(state.objective()).isEqualTo("Nuevo objetivo");
        assertThat(state.responsibleInstitutions()).containsExactly("S1", "S2");
        assertThat(state.civilSocietyOrganisations()).isEmpty();
        assertThat(state.ogpValues()).containsExactly(OgpValue.CIVIC_PARTICIPATION);
        assertThat(state.sdgTargets()).containsExactly("5.5");
        assertThat(state.startDate()).isEqualTo("2024-04-01");
        assertThat(state.endDate()).isEqualTo("2026-03-31");
        assertThat(state.code()).isEqualTo("JAL-c1");
        assertThat(state.version()).isEqualTo(1);
    }

    @Test
    void aPlannedMilestoneStartsAtZeroWithItsDueDateAsOriginal() {
        CommitmentState state = Story.drafted("c1").milestone("m1", "2024-11-29", "2").milestone("m2", null).state();

        assertThat(state.milestones()).extracting(Milestone::milestoneId).containsExactly("m1", "m2");
        Milestone m1 = state.milestones().getFirst();
        assertThat(m1.dueDate()).isEqualTo("2024-11-29");
        assertThat(m1.originalDueDate()).isEqualTo("2024-11-29");
        assertThat(m1.weight()).isEqualByComparingTo("2");
        assertThat(m1.progress()).isZero();
        assertThat(m1.completed()).isFalse();
        assertThat(m1.completedOn()).isNull();
        assertThat(m1.evidenceUrls()).isEmpty();
        // weight is optional and defaults to 1
        assertThat(state.milestones().get(1).weight()).isEqualByComparingTo("1");
    }

    @Test
    void reschedulingMovesTheDueDateAndKeepsTheOriginal() {
        CommitmentState state = Story.drafted("c1").milestone("m1", "2024-11-29", "1")
                .rescheduled("m1", "2024-11-29", "2025-02-28").rescheduled("m1", "2025-02-28", "2025-03-31").state();

        Milestone m1 = state.milestones().getFirst();
        assertThat(m1.dueDate()).isEqualTo("2025-03-31");
        assertThat(m1.originalDueDate()).isEqualTo("2024-11-29");
    }

    @Test
    void loggedProgressReplacesThePercentAndAddsNewEvidenceOnceInOrder() {
        CommitmentState state = Story.drafted("c1").milestone("m1", "1").implementing()
                .progress("m1", 40, "https://a", "https://b")
                .progress("m1", 30, "https://b", "https://c", "https://c")
                .state();

        Milestone m1 = state.milestones().getFirst();
        // the latest logged percent, even when lower than a previous one
        assertThat(m1.progress()).isEqualTo(30);
        assertThat(m1.evidenceUrls()).containsExactly("https://a", "https://b", "https://c");
        assertThat(m1.completed()).isFalse();
    }

    @Test
    void completingAMilestoneSetsItTo100WithItsDateAndEvidence() {
        CommitmentState state = Story.drafted("c1").milestone("m1", "1").milestone("m2", "1").implementing()
                .progress("m1", 40, "https://a")
                .milestoneCompleted("m1", "2024-10-01", "https://a", "https://acta.pdf")
                .state();

        Milestone m1 = state.milestones().getFirst();
        assertThat(m1.completed()).isTrue();
        assertThat(m1.completedOn()).isEqualTo("2024-10-01");
        assertThat(m1.progress()).isEqualTo(100);
        assertThat(m1.evidenceUrls()).containsExactly("https://a", "https://acta.pdf");
        assertThat(state.milestones().get(1).completed()).isFalse();
    }

    @Test
    void aRecordedMeasurementKeepsItsValueAsOriginalAndItsSequenceAsRecordedAt() {
        Story story = Story.drafted("c1").indicator("i1", Direction.INCREASE, "12.5", "90").implementing()
                .measured("i1", "ms1", "61.3", "2025-03-31");
        CommitmentState state = story.state();

        // drafted 0, indicator 1, adopted 2, started 3, measured 4
        Measurement ms1 = state.indicators().getFirst().measurements().getFirst();
        assertThat(ms1.measurementId()).isEqualTo("ms1");
        assertThat(ms1.value()).isEqualByComparingTo("61.3");
        assertThat(ms1.originalValue()).isEqualByComparingTo("61.3");
        assertThat(ms1.measuredOn()).isEqualTo("2025-03-31");
        assertThat(ms1.source()).isEqualTo("Fuente");
        assertThat(ms1.corrected()).isFalse();
        assertThat(ms1.recordedAt()).isEqualTo(4);
    }

    @Test
    void aCorrectionSupersedesTheValueAndKeepsTheOriginal() {
        CommitmentState state = Story.drafted("c1").indicator("i1", Direction.INCREASE, "12.5", "90").implementing()
                .measured("i1", "ms1", "61.3", "2025-03-31")
                .measured("i1", "ms2", "70", "2025-06-30")
                .corrected("i1", "ms1", "61.3", "58.7")
                .corrected("i1", "ms1", "58.7", "58.9")
                .state();

        List<Measurement> measurements = state.indicators().getFirst().measurements();
        assertThat(measurements).extracting(Measurement::measurementId).containsExactly("ms1", "ms2");
        Measurement ms1 = measurements.getFirst();
        assertThat(ms1.value()).isEqualByComparingTo("58.9");
        assertThat(ms1.originalValue()).isEqualByComparingTo("61.3");
        assertThat(ms1.corrected()).isTrue();
        assertThat(ms1.recordedAt()).isEqualTo(4);
        assertThat(measurements.get(1).corrected()).isFalse();
    }

    @Test
    void aMonitoringReportIsSubmittedWhenItsEventOccurred() {
        Story story = Story.drafted("c1").milestone("m1", "1").implementing().reported("r1", Assessment.AT_RISK);
        CommitmentState state = story.state();

        CommitmentState.MonitoringReport report = state.monitoringReports().getFirst();
        assertThat(report.reportId()).isEqualTo("r1");
        assertThat(report.assessment()).isEqualTo(Assessment.AT_RISK);
        assertThat(report.periodEnd()).isEqualTo("2024-06-30");
        assertThat(report.submittedAt()).isEqualTo(story.events().getLast().occurredAt());
    }

    @Test
    void theLifecycleEventsMoveTheStatus() {
        Story story = Story.drafted("c1").milestone("m1", "1");
        assertThat(story.state().status()).isEqualTo(CommitmentStatus.DRAFT);
        assertThat(story.adopted().state().status()).isEqualTo(CommitmentStatus.ADOPTED);
        assertThat(story.started().state().status()).isEqualTo(CommitmentStatus.IN_IMPLEMENTATION);
        story.milestoneCompleted("m1", "2025-12-01", "https://a");
        assertThat(story.completed().state().status()).isEqualTo(CommitmentStatus.COMPLETED);
        CommitmentState evaluated = story.evaluated().state();
        assertThat(evaluated.status()).isEqualTo(CommitmentStatus.EVALUATED);
        assertThat(evaluated.evaluation().completionLevel()).isEqualTo(CompletionLevel.SUBSTANTIAL);
        assertThat(evaluated.evaluation().didItOpenGovernment()).isEqualTo(OpenGovernmentEffect.MAJOR);
        assertThat(evaluated.evaluation().evaluatedOn()).isEqualTo("2025-12-31");
        assertThat(evaluated.evaluation().findings()).isEqualTo("Hallazgos");
        assertThat(evaluated.evaluation().evaluator()).isEqualTo("Evaluadora");
    }

    @Test
    void suspensionRemembersWhereItLeftAndResumptionReturnsThere() {
        Story story = Story.drafted("c1").milestone("m1", "1").implementing()
                .suspended(CommitmentStatus.IN_IMPLEMENTATION);
        CommitmentState suspended = story.state();
        assertThat(suspended.status()).isEqualTo(CommitmentStatus.SUSPENDED);
        assertThat(suspended.suspendedFrom()).isEqualTo(CommitmentStatus.IN_IMPLEMENTATION);

        CommitmentState resumed = story.resumed(CommitmentStatus.IN_IMPLEMENTATION).state();
        assertThat(resumed.status()).isEqualTo(CommitmentStatus.IN_IMPLEMENTATION);
        assertThat(resumed.suspendedFrom()).isNull();
    }

    @Test
    void aCommitmentSuspendedWhileAdoptedResumesAsAdopted() {
        CommitmentState state = Story.drafted("c1").milestone("m1", "1").adopted()
                .suspended(CommitmentStatus.ADOPTED).resumed(CommitmentStatus.ADOPTED).state();

        assertThat(state.status()).isEqualTo(CommitmentStatus.ADOPTED);
    }

    @Test
    void aSuspendedCommitmentCanBeEvaluatedOrCancelledAndThenForgetsWhereItWasSuspendedFrom() {
        CommitmentState evaluated = Story.drafted("c1").milestone("m1", "1").implementing()
                .suspended(CommitmentStatus.IN_IMPLEMENTATION).evaluated().state();
        CommitmentState cancelled = Story.drafted("c2").milestone("m1", "1").adopted()
                .suspended(CommitmentStatus.ADOPTED).cancelled(CommitmentStatus.SUSPENDED).state();

        assertThat(evaluated.status()).isEqualTo(CommitmentStatus.EVALUATED);
        assertThat(evaluated.suspendedFrom()).isNull();
        assertThat(cancelled.status()).isEqualTo(CommitmentStatus.CANCELLED);
        assertThat(cancelled.suspendedFrom()).isNull();
    }

    @Test
    void cancellationIsFinalAndKeepsWhatWasFolded() {
        CommitmentState state = Story.drafted("c1").milestone("m1", "1").implementing().progress("m1", 60)
                .cancelled(CommitmentStatus.IN_IMPLEMENTATION).state();

        assertThat(state.status()).isEqualTo(CommitmentStatus.CANCELLED);
        assertThat(state.milestones().getFirst().progress()).isEqualTo(60);
        assertThat(state.version()).isEqualTo(5);
    }

    @Test
    void anEventNamingAnUnknownMilestoneOrMeasurementOnlyMovesTheVersion() {
        Story story = Story.drafted("c1").milestone("m1", "1").indicator("i1", Direction.INCREASE, "0", "10")
                .implementing().measured("i1", "ms1", "5", "2024-04-01");
        CommitmentState before = story.state();

        CommitmentState after = story.progress("nope", 50).corrected("i1", "nope", "1", "2")
                .measured("nope", "ms9", "1", "2024-04-01").state();

        assertThat(after.milestones()).isEqualTo(before.milestones());
        assertThat(after.indicators()).isEqualTo(before.indicators());
        assertThat(after.version()).isEqualTo(before.version() + 3);
    }

    @Test
    void foldAllAppliesEventsInTheOrderGiven() {
        Story story = Story.drafted("c1").milestone("m1", "1").implementing().progress("m1", 10).progress("m1", 20);
        CommitmentState stepByStep = null;
        for (FoldInput input : story.events()) {
            stepByStep = CommitmentFold.apply(stepByStep, input.event(), input.sequence(), input.occurredAt());
        }

        assertThat(CommitmentFold.foldAll(story.events())).isEqualTo(stepByStep);
        assertThat(stepByStep.milestones().getFirst().progress()).isEqualTo(20);
        assertThat(stepByStep.version()).isEqualTo(5);
    }

    @Test
    void weightsKeepTheirDecimals() {
        CommitmentState state = Story.drafted("c1").milestone("m1", "0.25").state();

        assertThat(state.milestones().getFirst().weight()).isEqualTo(new BigDecimal("0.25"));
    }
}
