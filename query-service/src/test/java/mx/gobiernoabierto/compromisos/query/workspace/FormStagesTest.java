package mx.gobiernoabierto.compromisos.query.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.support.security.Caller;
import mx.gobiernoabierto.compromisos.support.security.Role;

/** The forms a commitment's page offers follow the command service's stage rules and the person's role. */
class FormStagesTest {

    private static final Caller EDITOR = new Caller("usr-jal", Set.of(Role.STL_EDITOR), Set.of("stl-jalisco"));
    private static final Caller OTHER_EDITOR = new Caller("usr-oax", Set.of(Role.STL_EDITOR), Set.of("stl-oaxaca"));
    private static final Caller EVALUATOR = new Caller("usr-eval", Set.of(Role.EVALUATOR), Set.of());

    @Test
    void aDraftOffersPlanningRevisionAdoptionAndCancellationButNoProgressMeasurementOrReport() {
        assertThat(keys(Workspace.offeredForms(EDITOR, commitment(CommitmentStatus.DRAFT, false))))
                .containsExactlyInAnyOrder("reprogramar", "hito", "indicador", "detalles", "adopcion", "cancelacion");
    }

    @Test
    void implementationOffersProgressMeasurementsReportsAndCompletionButNoRevisionOrAdoption() {
        assertThat(keys(Workspace.offeredForms(EDITOR, commitment(CommitmentStatus.IN_IMPLEMENTATION, false))))
                .containsExactlyInAnyOrder("avance", "medicion", "correccion", "informe", "completar-hito",
                        "reprogramar", "hito", "indicador", "conclusion", "suspension", "cancelacion");
    }

    @Test
    void eachOtherStageOffersWhatTheCommandServiceAccepts() {
        assertThat(keys(Workspace.offeredForms(EDITOR, commitment(CommitmentStatus.ADOPTED, false))))
                .containsExactlyInAnyOrder("reprogramar", "hito", "indicador", "inicio", "suspension", "cancelacion");
        assertThat(keys(Workspace.offeredForms(EDITOR, commitment(CommitmentStatus.SUSPENDED, false))))
                .containsExactlyInAnyOrder("reanudacion", "cancelacion");
        assertThat(keys(Workspace.offeredForms(EDITOR, commitment(CommitmentStatus.COMPLETED, false))))
                .containsExactlyInAnyOrder("medicion", "correccion", "informe", "cancelacion");
        assertThat(keys(Workspace.offeredForms(EDITOR, commitment(CommitmentStatus.EVALUATED, false))))
                .containsExactlyInAnyOrder("medicion", "correccion", "informe");
        assertThat(Workspace.offeredForms(EDITOR, commitment(CommitmentStatus.CANCELLED, false))).isEmpty();
    }

    @Test
    void theEvaluatorIsOfferedOnlyTheEvaluationAndOnlyWhereItIsAccepted() {
        for (CommitmentStatus status : CommitmentStatus.values()) {
            boolean evaluable = Set.of(CommitmentStatus.IN_IMPLEMENTATION, CommitmentStatus.COMPLETED,
                    CommitmentStatus.SUSPENDED).contains(status);
            assertThat(keys(Workspace.offeredForms(EVALUATOR, commitment(status, false)))).as(status.name())
                    .isEqualTo(evaluable ? List.of("evaluacion") : List.of());
        }
    }

    @Test
    void anEditorOfAnotherStlIsOfferedNothingInAnyStage() {
        for (CommitmentStatus status : CommitmentStatus.values()) {
            assertThat(Workspace.permittedForms(OTHER_EDITOR, commitment(status, false))).as(status.name()).isEmpty();
        }
    }

    @Test
    void aFormTheStageRefusesOrACompletedMilestoneIsExplainedWithTheRuleThatRefusesIt() {
        CommitmentState draft = commitment(CommitmentStatus.DRAFT, false);
        assertThat(Workspace.unavailable(CommandForm.PROGRESS, draft, "m-1")).contains("espacio.regla.avance");
        assertThat(Workspace.unavailable(CommandForm.RESCHEDULE, draft, "m-1")).isEmpty();
        CommitmentState done = commitment(CommitmentStatus.IN_IMPLEMENTATION, true);
        assertThat(Workspace.unavailable(CommandForm.PROGRESS, done, "m-1")).contains("espacio.regla.hitoConcluido");
        assertThat(Workspace.unavailable(CommandForm.MILESTONE_COMPLETION, done, "m-1"))
                .contains("espacio.regla.hitoConcluido");
        assertThat(Workspace.unavailable(CommandForm.MEASUREMENT, done, "i-1")).isEmpty();
        assertThat(CommandForm.EVALUATION.stages()).containsExactly(CommitmentStatus.IN_IMPLEMENTATION,
                CommitmentStatus.SUSPENDED, CommitmentStatus.COMPLETED);
    }

    private static List<String> keys(List<CommandForm> forms) {
        return forms.stream().map(CommandForm::key).toList();
    }

    private static CommitmentState commitment(CommitmentStatus status, boolean milestoneCompleted) {
        CommitmentState.Milestone milestone = new CommitmentState.Milestone("m-1", "Portal", "d", "r",
                LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 30), BigDecimal.ONE, milestoneCompleted ? 100 : 0,
                milestoneCompleted, milestoneCompleted ? LocalDate.of(2025, 6, 1) : null, List.of());
        return new CommitmentState("c-1", "plan-1", "stl-jalisco", "JAL-01", "Título", "Problema", "Objetivo",
                List.of("Secretaría"), List.of(), List.of(OgpValue.TRANSPARENCY), List.of("16.6"),
                LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), status, null, List.of(milestone), List.of(),
                List.of(), null, 5, Instant.parse("2025-06-01T12:00:00Z"));
    }
}
