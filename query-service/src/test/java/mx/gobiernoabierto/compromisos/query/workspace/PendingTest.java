package mx.gobiernoabierto.compromisos.query.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.events.Assessment;
import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.Direction;
import mx.gobiernoabierto.compromisos.events.Frequency;
import mx.gobiernoabierto.compromisos.events.IndicatorKind;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;

class PendingTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @Test
    void anOverdueMilestoneAndOneDueWithinTwoWeeksArePendingButNotACompletedOneOrOneDueLater() {
        CommitmentState state = commitment(CommitmentStatus.IN_IMPLEMENTATION,
                List.of(milestone("m-late", LocalDate.of(2025, 6, 14), false),
                        milestone("m-soon", LocalDate.of(2025, 6, 29), false),
                        milestone("m-later", LocalDate.of(2025, 6, 30), false),
                        milestone("m-done", LocalDate.of(2025, 6, 1), true)),
                List.of(), List.of(report(LocalDate.of(2025, 5, 31))));

        assertThat(Pending.of(state, TODAY)).extracting(Pending.Item::kind, Pending.Item::targetId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Pending.Kind.MILESTONE_OVERDUE, "m-late"),
                        org.assertj.core.groups.Tuple.tuple(Pending.Kind.MILESTONE_SOON, "m-soon"));
    }

    @Test
    void anIndicatorIsDueOnePeriodOfItsFrequencyAfterItsLatestMeasurementOrItsBaseline() {
        CommitmentState.Indicator measuredInMarch = indicator("i-q", Frequency.QUARTERLY, LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 3, 15));
        CommitmentState.Indicator measuredInApril = indicator("i-q2", Frequency.QUARTERLY, LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 3, 16));
        CommitmentState.Indicator neverMeasured = indicator("i-a", Frequency.ANNUAL, LocalDate.of(2024, 6, 15), null);
        CommitmentState.Indicator monthlyFresh = indicator("i-m", Frequency.MONTHLY, LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 5, 16));
        CommitmentState state = commitment(CommitmentStatus.IN_IMPLEMENTATION, List.of(),
                List.of(measuredInMarch, measuredInApril, neverMeasured, monthlyFresh), List.of(report(TODAY)));

        assertThat(Pending.of(state, TODAY)).extracting(Pending.Item::targetId, Pending.Item::date)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("i-q", LocalDate.of(2025, 6, 15)),
                        org.assertj.core.groups.Tuple.tuple("i-a", LocalDate.of(2025, 6, 15)));
    }

    @Test
    void aCommitmentInImplementationWithoutAReportInTheLastThreeMonthsIsPending() {
        CommitmentState stale = commitment(CommitmentStatus.IN_IMPLEMENTATION, List.of(), List.of(),
                List.of(report(LocalDate.of(2025, 3, 15))));
        CommitmentState fresh = commitment(CommitmentStatus.IN_IMPLEMENTATION, List.of(), List.of(),
                List.of(report(LocalDate.of(2025, 3, 16))));
        CommitmentState never = commitment(CommitmentStatus.IN_IMPLEMENTATION, List.of(), List.of(), List.of());

        assertThat(Pending.of(stale, TODAY)).extracting(Pending.Item::kind).containsExactly(Pending.Kind.REPORT_DUE);
        assertThat(Pending.of(fresh, TODAY)).isEmpty();
        assertThat(Pending.of(never, TODAY)).extracting(Pending.Item::form).containsExactly(CommandForm.REPORT);
    }

    @Test
    void aDraftWithoutMilestoneOrIndicatorSaysWhatAdoptionStillNeeds() {
        CommitmentState empty = commitment(CommitmentStatus.DRAFT, List.of(), List.of(), List.of());
        CommitmentState ready = commitment(CommitmentStatus.DRAFT,
                List.of(milestone("m", LocalDate.of(2026, 1, 1), false)),
                List.of(indicator("i", Frequency.ANNUAL, LocalDate.of(2025, 1, 1), null)), List.of());

        assertThat(Pending.of(empty, TODAY)).extracting(Pending.Item::kind, Pending.Item::form)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Pending.Kind.DRAFT_NEEDS_MILESTONE, CommandForm.MILESTONE),
                        org.assertj.core.groups.Tuple.tuple(Pending.Kind.DRAFT_NEEDS_INDICATOR, CommandForm.INDICATOR));
        assertThat(Pending.of(ready, TODAY)).as("measurements and reports are not due before implementation").isEmpty();
    }

    @Test
    void concludedAndCancelledCommitmentsHaveNothingPending() {
        for (CommitmentStatus status : List.of(CommitmentStatus.COMPLETED, CommitmentStatus.EVALUATED,
                CommitmentStatus.CANCELLED)) {
            CommitmentState state = commitment(status, List.of(milestone("m", LocalDate.of(2025, 1, 1), false)),
                    List.of(indicator("i", Frequency.MONTHLY, LocalDate.of(2024, 1, 1), null)), List.of());
            assertThat(Pending.of(state, TODAY)).as(status.name()).isEmpty();
        }
    }

    @Test
    void theListPutsOverdueWorkFirstAndEarlierDatesBeforeLaterOnes() {
        CommitmentState a = commitment(CommitmentStatus.IN_IMPLEMENTATION,
                List.of(milestone("a-soon", LocalDate.of(2025, 6, 20), false),
                        milestone("a-late", LocalDate.of(2025, 6, 1), false)), List.of(), List.of(report(TODAY)));
        CommitmentState b = commitment(CommitmentStatus.IN_IMPLEMENTATION,
                List.of(milestone("b-late", LocalDate.of(2025, 5, 1), false)), List.of(), List.of(report(TODAY)));

        assertThat(Pending.of(List.of(a, b), TODAY)).extracting(Pending.Item::targetId)
                .containsExactly("b-late", "a-late", "a-soon");
    }

    private static CommitmentState commitment(CommitmentStatus status, List<CommitmentState.Milestone> milestones,
                                              List<CommitmentState.Indicator> indicators,
                                              List<CommitmentState.MonitoringReport> reports) {
        return new CommitmentState("c-" + System.nanoTime(), "plan-1", "stl-jalisco", "JAL-01", "Título", "Problema",
                "Objetivo", List.of("Secretaría"), List.of(), List.of(OgpValue.TRANSPARENCY), List.of("16.6"),
                LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), status, null, milestones, indicators, reports,
                null, 5, Instant.parse("2025-06-01T12:00:00Z"));
    }

    private static CommitmentState.Milestone milestone(String id, LocalDate due, boolean completed) {
        return new CommitmentState.Milestone(id, "Hito " + id, "d", "r", due, due, BigDecimal.ONE,
                completed ? 100 : 0, completed, completed ? due : null, List.of());
    }

    private static CommitmentState.Indicator indicator(String id, Frequency frequency, LocalDate baselineDate,
                                                       LocalDate measuredOn) {
        List<CommitmentState.Measurement> measurements = measuredOn == null ? List.of()
                : List.of(new CommitmentState.Measurement("ms-" + id, BigDecimal.TEN, measuredOn, "Fuente", null, false,
                BigDecimal.TEN, 3));
        return new CommitmentState.Indicator(id, "Indicador " + id, IndicatorKind.OUTPUT, "%", BigDecimal.ZERO,
                baselineDate, BigDecimal.valueOf(100), LocalDate.of(2026, 12, 31), Direction.INCREASE, frequency,
                "Portal", null, measurements);
    }

    private static CommitmentState.MonitoringReport report(LocalDate periodEnd) {
        return new CommitmentState.MonitoringReport("r-" + periodEnd, periodEnd, Assessment.ON_TRACK, "Narrativa",
                Instant.parse("2025-06-01T12:00:00Z"));
    }
}
