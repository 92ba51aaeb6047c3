package mx.gobiernoabierto.compromisos.command.commitment.domain;

import static mx.gobiernoabierto.compromisos.events.CommitmentStatus.ADOPTED;
import static mx.gobiernoabierto.compromisos.events.CommitmentStatus.CANCELLED;
import static mx.gobiernoabierto.compromisos.events.CommitmentStatus.COMPLETED;
import static mx.gobiernoabierto.compromisos.events.CommitmentStatus.DRAFT;
import static mx.gobiernoabierto.compromisos.events.CommitmentStatus.EVALUATED;
import static mx.gobiernoabierto.compromisos.events.CommitmentStatus.IN_IMPLEMENTATION;
import static mx.gobiernoabierto.compromisos.events.CommitmentStatus.SUSPENDED;
import static mx.gobiernoabierto.compromisos.events.Sector.CIVIL_SOCIETY;
import static mx.gobiernoabierto.compromisos.events.Sector.GOVERNMENT;
import static mx.gobiernoabierto.compromisos.events.Sector.TRANSPARENCY_BODY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.AdoptCommitment;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.CancelCommitment;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.CommitmentDetails;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.CompleteCommitment;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.CompleteMilestone;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.CorrectMeasurement;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.DefineIndicator;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.DraftCommitment;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.EvaluateCommitment;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.LogMilestoneProgress;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.PlanMilestone;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.RecordMeasurement;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.RescheduleMilestone;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.ResumeCommitment;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.ReviseCommitmentDetails;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.StartImplementation;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.SubmitMonitoringReport;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.SuspendCommitment;
import mx.gobiernoabierto.compromisos.command.domain.DuplicateCodeException;
import mx.gobiernoabierto.compromisos.command.domain.InvalidInputException;
import mx.gobiernoabierto.compromisos.command.domain.InvalidStateException;
import mx.gobiernoabierto.compromisos.command.domain.NotFoundException;
import mx.gobiernoabierto.compromisos.command.domain.VersionConflictException;
import mx.gobiernoabierto.compromisos.events.Approval;
import mx.gobiernoabierto.compromisos.events.Assessment;
import mx.gobiernoabierto.compromisos.events.CommitmentAdopted;
import mx.gobiernoabierto.compromisos.events.CommitmentCancelled;
import mx.gobiernoabierto.compromisos.events.CommitmentCompleted;
import mx.gobiernoabierto.compromisos.events.CommitmentDetailsRevised;
import mx.gobiernoabierto.compromisos.events.CommitmentDrafted;
import mx.gobiernoabierto.compromisos.events.CommitmentEvaluated;
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

/** The rules of domain.md, one behaviour a test, on the Commitment aggregate. */
class CommitmentTest {

    static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");
    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    static final LocalDate TOMORROW = TODAY.plusDays(1);
    static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(TODAY.atTime(12, 0), MEXICO_CITY).toInstant(), MEXICO_CITY);

    static final String COMMITMENT = "commitment-1";
    static final String PLAN = "plan-1";
    static final String STL = "stl-jalisco";
    static final String CODE = "JAL-2024-03";
    static final LocalDate START = LocalDate.of(2024, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final String M1 = "milestone-1";
    static final String M2 = "milestone-2";
    static final LocalDate DUE = LocalDate.of(2025, 3, 31);
    static final String I1 = "indicator-1";
    static final String I2 = "indicator-2";
    static final String MS1 = "measurement-1";
    static final String MS2 = "measurement-2";
    static final String EVIDENCE = "https://transparencia.jalisco.gob.mx/actas/2025-06.pdf";

    private InMemoryCommitmentCodes codes;
    private FixtureConfiguration<Commitment> fixture;

    @BeforeEach
    void setUp() {
        codes = new InMemoryCommitmentCodes();
        fixture = new AggregateTestFixture<>(Commitment.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource((PlanDirectory) planId -> PLAN.equals(planId) ? Optional.of(STL) : Optional.empty());
        fixture.registerInjectableResource(codes);
    }

    // ---------------------------------------------------------------------------------------------- drafting

    @Nested
    class Drafting {

        @Test
        void draftingRecordsTheCommitmentWithTheStlOfItsPlan() {
            fixture.givenNoPriorActivity()
                    .when(draft(details()))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(drafted(details()));
        }

        @Test
        void draftingClaimsTheCodeInThePlan() {
            fixture.givenNoPriorActivity().when(draft(details())).expectSuccessfulHandlerExecution();

            assertThat(codes.claimed()).containsExactly(PLAN + "/" + CODE);
        }

        @Test
        void cannotDraftInAnUnknownPlan() {
            fixture.givenNoPriorActivity()
                    .when(new DraftCommitment(COMMITMENT, "no-such-plan", CODE, details()))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotDraftWithACodeAlreadyUsedInThePlan() {
            codes.claim(PLAN, CODE, "another-commitment");

            fixture.givenNoPriorActivity()
                    .when(draft(details()))
                    .expectException(DuplicateCodeException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotDraftEndingBeforeItStarts() {
            fixture.givenNoPriorActivity()
                    .when(draft(details(List.of("16.6"), START, START.minusDays(1))))
                    .expectException(invalidInput("endDate"))
                    .expectNoEvents();
        }

        @Test
        void aCommitmentMayStartAndEndOnTheSameDay() {
            fixture.givenNoPriorActivity()
                    .when(draft(details(List.of("16.6"), START, START)))
                    .expectEvents(drafted(details(List.of("16.6"), START, START)));
        }

        @ParameterizedTest(name = "\"{0}\" is not an SDG target")
        @ValueSource(strings = {"18.1", "16.11", "16.c", "1.8", "17.20", "17.a", "0.1", "16.A", "16.01", "16",
                "16.", "16.6.2", "", " 16.6"})
        void cannotDraftWithSomethingThatIsNotAnSdgTarget(String code) {
            fixture.givenNoPriorActivity()
                    .when(draft(details(List.of("16.6", code), START, END)))
                    .expectException(invalidInput("sdgTargets"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "\"{0}\" is an SDG target")
        @ValueSource(strings = {"16.a", "16.b", "17.19", "1.b", "3.d", "16.10", "5.5", "1.1"})
        void draftingAcceptsNumberedAndLetteredSdgTargets(String code) {
            fixture.givenNoPriorActivity()
                    .when(draft(details(List.of(code), START, END)))
                    .expectEvents(drafted(details(List.of(code), START, END)));
        }

        @Test
        void aRejectedDraftDoesNotClaimItsCode() {
            fixture.givenNoPriorActivity()
                    .when(draft(details(List.of("18.1"), START, END)))
                    .expectException(InvalidInputException.class);

            assertThat(codes.claimed()).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------- revising

    @Nested
    class RevisingDetails {

        @Test
        void revisingInDraftRecordsTheNewDetails() {
            CommitmentDetails revised = details(List.of("5.5", "16.a"), START.plusMonths(1), END.minusMonths(1));

            fixture.given(drafted(details()))
                    .when(new ReviseCommitmentDetails(COMMITMENT, null, revised))
                    .expectEvents(revisedTo(revised))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void cannotReviseDetailsOnceAdopted() {
            fixture.given(history(ADOPTED))
                    .when(new ReviseCommitmentDetails(COMMITMENT, null, details()))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotReviseToAnEndBeforeTheStart() {
            fixture.given(drafted(details()))
                    .when(new ReviseCommitmentDetails(COMMITMENT, null, details(List.of("16.6"), END, START)))
                    .expectException(invalidInput("endDate"))
                    .expectNoEvents();
        }

        @Test
        void cannotReviseToSomethingThatIsNotAnSdgTarget() {
            fixture.given(drafted(details()))
                    .when(new ReviseCommitmentDetails(COMMITMENT, null, details(List.of("16.11"), START, END)))
                    .expectException(invalidInput("sdgTargets"))
                    .expectNoEvents();
        }

        @Test
        void cannotReviseTheStartToAfterAPlannedMilestone() {
            fixture.given(drafted(details()), milestonePlanned(M1, DUE))
                    .when(new ReviseCommitmentDetails(COMMITMENT, null, details(List.of("16.6"), DUE.plusDays(1), END)))
                    .expectException(InvalidInputException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotReviseTheEndToBeforeAPlannedMilestone() {
            fixture.given(drafted(details()), milestonePlanned(M1, DUE))
                    .when(new ReviseCommitmentDetails(COMMITMENT, null, details(List.of("16.6"), START, DUE.minusDays(1))))
                    .expectException(InvalidInputException.class)
                    .expectNoEvents();
        }

        @Test
        void mayReviseDatesDownToThePlannedMilestonesInclusive() {
            CommitmentDetails revised = details(List.of("16.6"), DUE, DUE);

            fixture.given(drafted(details()), milestonePlanned(M1, DUE))
                    .when(new ReviseCommitmentDetails(COMMITMENT, null, revised))
                    .expectEvents(revisedTo(revised));
        }

        @Test
        void revisedDatesAreCheckedAgainstTheRescheduledDueDate() {
            LocalDate rescheduled = DUE.plusMonths(6);

            fixture.given(drafted(details()), milestonePlanned(M1, DUE),
                            new MilestoneRescheduled(COMMITMENT, M1, DUE, rescheduled, "Budget arrives later"))
                    .when(new ReviseCommitmentDetails(COMMITMENT, null, details(List.of("16.6"), START, DUE)))
                    .expectException(InvalidInputException.class)
                    .expectNoEvents();
        }
    }

    // ---------------------------------------------------------------------------------------------- milestones

    @Nested
    class PlanningMilestones {

        @Test
        void aMilestoneWithoutWeightWeighsOne() {
            fixture.given(drafted(details()))
                    .when(planMilestone(M1, DUE, null))
                    .expectEvents(milestonePlanned(M1, DUE));
        }

        @Test
        void aMilestoneKeepsItsExplicitWeight() {
            BigDecimal weight = new BigDecimal("2.5");

            fixture.given(drafted(details()))
                    .when(planMilestone(M1, DUE, weight))
                    .expectEvents(milestonePlanned(M1, DUE, weight));
        }

        @ParameterizedTest(name = "weight {0}")
        @ValueSource(strings = {"0", "0.00", "-1", "-0.5"})
        void cannotPlanAMilestoneWithANonPositiveWeight(String weight) {
            fixture.given(drafted(details()))
                    .when(planMilestone(M1, DUE, new BigDecimal(weight)))
                    .expectException(invalidInput("weight"))
                    .expectNoEvents();
        }

        @Test
        void aMilestoneIdIsNeverReusedSoACompletedMilestoneCannotBeReopened() {
            fixture.given(drafted(details()), milestonePlanned(M1, DUE))
                    .when(planMilestone(M1, DUE, null))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @Test
        void aMilestoneMayBeDueOnTheStartDate() {
            fixture.given(drafted(details()))
                    .when(planMilestone(M1, START, null))
                    .expectEvents(milestonePlanned(M1, START));
        }

        @Test
        void aMilestoneMayBeDueOnTheEndDate() {
            fixture.given(drafted(details()))
                    .when(planMilestone(M1, END, null))
                    .expectEvents(milestonePlanned(M1, END));
        }

        @Test
        void cannotPlanAMilestoneDueTheDayBeforeTheStart() {
            fixture.given(drafted(details()))
                    .when(planMilestone(M1, START.minusDays(1), null))
                    .expectException(invalidInput("dueDate"))
                    .expectNoEvents();
        }

        @Test
        void cannotPlanAMilestoneDueTheDayAfterTheEnd() {
            fixture.given(drafted(details()))
                    .when(planMilestone(M1, END.plusDays(1), null))
                    .expectException(invalidInput("dueDate"))
                    .expectNoEvents();
        }

        @Test
        void dueDatesAreCheckedAgainstTheRevisedDates() {
            CommitmentDetails revised = details(List.of("16.6"), START, DUE.minusDays(1));

            fixture.given(drafted(details()), revisedTo(revised))
                    .when(planMilestone(M1, DUE, null))
                    .expectException(invalidInput("dueDate"))
                    .expectNoEvents();
        }

        @Test
        void canPlanAMilestoneDuringImplementation() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(planMilestone(M2, DUE, null))
                    .expectEvents(milestonePlanned(M2, DUE));
        }

        @Test
        void cannotPlanAMilestoneWhileSuspended() {
            fixture.given(history(SUSPENDED))
                    .when(planMilestone(M2, DUE, null))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }
    }

    // ---------------------------------------------------------------------------------------------- indicators

    @Nested
    class DefiningIndicators {

        @Test
        void definingAnIndicatorRecordsIt() {
            DefineIndicator command = defineIndicator(I1, "20", "90", Direction.INCREASE, "16.6.2");

            fixture.given(drafted(details()))
                    .when(command)
                    .expectEvents(indicatorDefinedBy(command));
        }

        @Test
        void anIndicatorThatDecreasesTowardsALowerTargetIsAccepted() {
            DefineIndicator command = defineIndicator(I1, "40", "10", Direction.DECREASE, null);

            fixture.given(drafted(details()))
                    .when(command)
                    .expectEvents(indicatorDefinedBy(command));
        }

        @ParameterizedTest(name = "baseline 20, target {0}")
        @ValueSource(strings = {"20", "20.00"})
        void cannotDefineAnIndicatorWhoseTargetIsItsBaseline(String target) {
            fixture.given(drafted(details()))
                    .when(defineIndicator(I1, "20", target, Direction.INCREASE, null))
                    .expectException(invalidInput("target"))
                    .expectNoEvents();
        }

        @Test
        void cannotDefineAnIncreasingIndicatorWithATargetBelowItsBaseline() {
            fixture.given(drafted(details()))
                    .when(defineIndicator(I1, "40", "10", Direction.INCREASE, null))
                    .expectException(invalidInput("direction"))
                    .expectNoEvents();
        }

        @Test
        void cannotDefineADecreasingIndicatorWithATargetAboveItsBaseline() {
            fixture.given(drafted(details()))
                    .when(defineIndicator(I1, "10", "40", Direction.DECREASE, null))
                    .expectException(invalidInput("direction"))
                    .expectNoEvents();
        }

        @Test
        void cannotDefineAnIndicatorWhoseTargetDateIsBeforeItsBaselineDate() {
            fixture.given(drafted(details()))
                    .when(defineIndicator(I1, "20", "90", Direction.INCREASE, null, LocalDate.of(2024, 1, 1),
                            LocalDate.of(2023, 12, 31)))
                    .expectException(invalidInput("targetDate"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "\"{0}\" is not an SDG indicator")
        @ValueSource(strings = {"16.6", "18.1.1", "16.11.1", "16.c.1", "16.6.0", "16.6.x", "16.6.2.1", ""})
        void cannotDefineAnIndicatorWithABadSdgIndicatorCode(String code) {
            fixture.given(drafted(details()))
                    .when(defineIndicator(I1, "20", "90", Direction.INCREASE, code))
                    .expectException(invalidInput("sdgIndicator"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "\"{0}\" is an SDG indicator")
        @ValueSource(strings = {"16.6.2", "16.a.1", "17.19.2", "1.1.1"})
        void anIndicatorMayNameAnSdgIndicator(String code) {
            DefineIndicator command = defineIndicator(I1, "20", "90", Direction.INCREASE, code);

            fixture.given(drafted(details()))
                    .when(command)
                    .expectEvents(indicatorDefinedBy(command));
        }
    }

    // ---------------------------------------------------------------------------------------------- adoption

    @Nested
    class Adopting {

        @Test
        void adoptingWithAMilestoneAnIndicatorAndEverySectorsApprovalRecordsIt() {
            fixture.given(history(DRAFT))
                    .when(new AdoptCommitment(COMMITMENT, null, TODAY.minusDays(3), approvals()))
                    .expectEvents(new CommitmentAdopted(COMMITMENT, TODAY.minusDays(3), approvals()));
        }

        @Test
        void cannotAdoptWithoutAMilestone() {
            fixture.given(drafted(details()), indicatorDefinedBy(defineIndicator(I1, "20", "90", Direction.INCREASE, null)))
                    .when(new AdoptCommitment(COMMITMENT, null, TODAY, approvals()))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotAdoptWithoutAnIndicator() {
            fixture.given(drafted(details()), milestonePlanned(M1, DUE))
                    .when(new AdoptCommitment(COMMITMENT, null, TODAY, approvals()))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "without {0}")
        @EnumSource(Sector.class)
        void cannotAdoptWithoutAnApprovalFromEverySector(Sector missing) {
            List<Approval> approvals = approvals().stream().filter(a -> a.sector() != missing).toList();

            fixture.given(history(DRAFT))
                    .when(new AdoptCommitment(COMMITMENT, null, TODAY, approvals))
                    .expectException(invalidInput("approvals"))
                    .expectNoEvents();
        }

        @Test
        void twoApprovalsFromOneSectorDoNotMakeUpForAMissingSector() {
            List<Approval> approvals = List.of(new Approval(GOVERNMENT, "Ana López"),
                    new Approval(GOVERNMENT, "Diego Mora"), new Approval(CIVIL_SOCIETY, "Carla Ruiz"));

            fixture.given(history(DRAFT))
                    .when(new AdoptCommitment(COMMITMENT, null, TODAY, approvals))
                    .expectException(invalidInput("approvals"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "name \"{0}\"")
        @ValueSource(strings = {"", " ", "\t"})
        void anApprovalWithoutANameDoesNotCount(String name) {
            List<Approval> approvals = List.of(new Approval(GOVERNMENT, "Ana López"),
                    new Approval(TRANSPARENCY_BODY, name), new Approval(CIVIL_SOCIETY, "Carla Ruiz"));

            fixture.given(history(DRAFT))
                    .when(new AdoptCommitment(COMMITMENT, null, TODAY, approvals))
                    .expectException(invalidInput("approvals"))
                    .expectNoEvents();
        }

        @Test
        void cannotAdoptInASessionHeldInTheFuture() {
            fixture.given(history(DRAFT))
                    .when(new AdoptCommitment(COMMITMENT, null, TOMORROW, approvals()))
                    .expectException(invalidInput("sessionDate"))
                    .expectNoEvents();
        }

        @Test
        void canAdoptInASessionHeldToday() {
            fixture.given(history(DRAFT))
                    .when(new AdoptCommitment(COMMITMENT, null, TODAY, approvals()))
                    .expectEvents(new CommitmentAdopted(COMMITMENT, TODAY, approvals()));
        }

        @Test
        void cannotAdoptTwice() {
            fixture.given(history(ADOPTED))
                    .when(new AdoptCommitment(COMMITMENT, null, TODAY, approvals()))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }
    }

    // ---------------------------------------------------------------------------------------------- start

    @Nested
    class StartingImplementation {

        @Test
        void anAdoptedCommitmentCanStartImplementation() {
            fixture.given(history(ADOPTED))
                    .when(new StartImplementation(COMMITMENT, null, TODAY))
                    .expectEvents(new ImplementationStarted(COMMITMENT, TODAY));
        }

        @Test
        void cannotStartImplementationBeforeAdoption() {
            fixture.given(history(DRAFT))
                    .when(new StartImplementation(COMMITMENT, null, TODAY))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotStartImplementationOnAFutureDate() {
            fixture.given(history(ADOPTED))
                    .when(new StartImplementation(COMMITMENT, null, TOMORROW))
                    .expectException(invalidInput("startedOn"))
                    .expectNoEvents();
        }
    }

    // ---------------------------------------------------------------------------------------------- progress

    @Nested
    class LoggingProgress {

        @Test
        void progressIsLoggedDuringImplementation() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(logProgress(M1, 40, List.of(EVIDENCE), TODAY.minusDays(1)))
                    .expectEvents(new MilestoneProgressLogged(COMMITMENT, M1, 40, "Contracts of Q1 online",
                            List.of(EVIDENCE), TODAY.minusDays(1)));
        }

        @Test
        void cannotLogProgressBeforeImplementationStarts() {
            fixture.given(history(ADOPTED))
                    .when(logProgress(M1, 40, List.of(EVIDENCE), TODAY))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotLogProgressWhileSuspended() {
            fixture.given(history(SUSPENDED))
                    .when(logProgress(M1, 40, List.of(EVIDENCE), TODAY))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "{0}%")
        @ValueSource(ints = {0, 1, 99, 100})
        void progressIsAWholePercentFromZeroToAHundred(int percent) {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(logProgress(M1, percent, List.of(EVIDENCE), TODAY))
                    .expectEvents(new MilestoneProgressLogged(COMMITMENT, M1, percent, "Contracts of Q1 online",
                            List.of(EVIDENCE), TODAY));
        }

        @ParameterizedTest(name = "{0}%")
        @ValueSource(ints = {-1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE})
        void cannotLogProgressOutsideZeroToAHundred(int percent) {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(logProgress(M1, percent, List.of(EVIDENCE), TODAY))
                    .expectException(invalidInput("percent"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"ftp://transparencia.jalisco.gob.mx/acta.pdf", "javascript:alert(1)",
                "file:///etc/passwd", "mailto:stl@jalisco.gob.mx", "transparencia.jalisco.gob.mx/acta.pdf",
                "https:acta.pdf", "http://", ""})
        void cannotLogProgressWithEvidenceThatIsNotAnHttpLink(String url) {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(logProgress(M1, 40, List.of(EVIDENCE, url), TODAY))
                    .expectException(invalidInput("evidenceUrls"))
                    .expectNoEvents();
        }

        @Test
        void progressMayBeLoggedWithPlainHttpEvidence() {
            String url = "http://www.itei.org.mx/acta.pdf";

            fixture.given(history(IN_IMPLEMENTATION))
                    .when(logProgress(M1, 40, List.of(url), TODAY))
                    .expectEvents(new MilestoneProgressLogged(COMMITMENT, M1, 40, "Contracts of Q1 online",
                            List.of(url), TODAY));
        }

        @Test
        void progressMayBeLoggedWithoutEvidence() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(logProgress(M1, 40, List.of(), TODAY))
                    .expectEvents(new MilestoneProgressLogged(COMMITMENT, M1, 40, "Contracts of Q1 online",
                            List.of(), TODAY));
        }

        @Test
        void progressMayBeLoggedWithNoEvidenceListAtAll() {
            // the HTTP request leaves evidenceUrls optional, so the command may carry null
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(logProgress(M1, 40, null, TODAY))
                    .expectEvents(new MilestoneProgressLogged(COMMITMENT, M1, 40, "Contracts of Q1 online",
                            List.of(), TODAY));
        }

        @Test
        void aCompletedMilestoneTakesNoMoreProgress() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .andGiven(milestoneCompleted(M1))
                    .when(logProgress(M1, 40, List.of(EVIDENCE), TODAY))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotLogProgressOfAnUnknownMilestone() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(logProgress("no-such-milestone", 40, List.of(EVIDENCE), TODAY))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotReportProgressOnAFutureDate() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(logProgress(M1, 40, List.of(EVIDENCE), TOMORROW))
                    .expectException(invalidInput("reportedOn"))
                    .expectNoEvents();
        }
    }

    /** "Today" is the date where the injected clock's zone is, not the UTC date. */
    @Nested
    class Today {

        /** 2025-06-16 02:00 UTC, still the evening of 2025-06-15 in Mexico City. */
        private final Clock eveningInMexicoCity = Clock.fixed(
                ZonedDateTime.of(TODAY.atTime(20, 0), MEXICO_CITY).toInstant(), MEXICO_CITY);

        private FixtureConfiguration<Commitment> eveningFixture() {
            FixtureConfiguration<Commitment> evening = new AggregateTestFixture<>(Commitment.class);
            evening.registerInjectableResource(eveningInMexicoCity);
            evening.registerInjectableResource(codes);
            return evening;
        }

        @Test
        void tomorrowInMexicoCityIsStillTheFutureWhenItIsAlreadyTomorrowInUtc() {
            assertThat(eveningInMexicoCity.instant().atZone(ZoneId.of("UTC")).toLocalDate()).isEqualTo(TOMORROW);

            eveningFixture().given(history(IN_IMPLEMENTATION))
                    .when(logProgress(M1, 40, List.of(EVIDENCE), TOMORROW))
                    .expectException(invalidInput("reportedOn"))
                    .expectNoEvents();
        }

        @Test
        void todayInMexicoCityIsAcceptedLateInTheEvening() {
            eveningFixture().given(history(IN_IMPLEMENTATION))
                    .when(logProgress(M1, 40, List.of(EVIDENCE), TODAY))
                    .expectEvents(new MilestoneProgressLogged(COMMITMENT, M1, 40, "Contracts of Q1 online",
                            List.of(EVIDENCE), TODAY));
        }
    }

    // ---------------------------------------------------------------------------------------------- milestone completion

    @Nested
    class CompletingMilestones {

        @Test
        void completingAMilestoneWithEvidenceRecordsIt() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(new CompleteMilestone(COMMITMENT, null, M1, TODAY, List.of(EVIDENCE), "Portal live"))
                    .expectEvents(new MilestoneCompleted(COMMITMENT, M1, TODAY, List.of(EVIDENCE), "Portal live"));
        }

        @Test
        void cannotCompleteAMilestoneWithoutEvidence() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(new CompleteMilestone(COMMITMENT, null, M1, TODAY, List.of(), "Portal live"))
                    .expectException(invalidInput("evidenceUrls"))
                    .expectNoEvents();
        }

        @Test
        void cannotCompleteAMilestoneWithNoEvidenceListAtAll() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(new CompleteMilestone(COMMITMENT, null, M1, TODAY, null, "Portal live"))
                    .expectException(invalidInput("evidenceUrls"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"ftp://transparencia.jalisco.gob.mx/acta.pdf", "javascript:alert(1)", "acta.pdf"})
        void cannotCompleteAMilestoneWithEvidenceThatIsNotAnHttpLink(String url) {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(new CompleteMilestone(COMMITMENT, null, M1, TODAY, List.of(url), "Portal live"))
                    .expectException(invalidInput("evidenceUrls"))
                    .expectNoEvents();
        }

        @Test
        void cannotCompleteAMilestoneTwice() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .andGiven(milestoneCompleted(M1))
                    .when(new CompleteMilestone(COMMITMENT, null, M1, TODAY, List.of(EVIDENCE), "again"))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotCompleteAnUnknownMilestone() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(new CompleteMilestone(COMMITMENT, null, "no-such-milestone", TODAY, List.of(EVIDENCE), null))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotCompleteAMilestoneOnAFutureDate() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(new CompleteMilestone(COMMITMENT, null, M1, TOMORROW, List.of(EVIDENCE), null))
                    .expectException(invalidInput("completedOn"))
                    .expectNoEvents();
        }

        @Test
        void cannotCompleteAMilestoneBeforeImplementationStarts() {
            fixture.given(history(ADOPTED))
                    .when(new CompleteMilestone(COMMITMENT, null, M1, TODAY, List.of(EVIDENCE), null))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }
    }

    // ---------------------------------------------------------------------------------------------- rescheduling

    @Nested
    class ReschedulingMilestones {

        @Test
        void reschedulingRecordsThePreviousDueDate() {
            LocalDate newDue = DUE.plusMonths(2);

            fixture.given(history(IN_IMPLEMENTATION))
                    .when(new RescheduleMilestone(COMMITMENT, null, M1, newDue, "Procurement delayed"))
                    .expectEvents(new MilestoneRescheduled(COMMITMENT, M1, DUE, newDue, "Procurement delayed"));
        }

        @Test
        void aSecondReschedulingRecordsTheDueDateOfTheFirst() {
            LocalDate first = DUE.plusMonths(2);
            LocalDate second = DUE.plusMonths(4);

            fixture.given(history(IN_IMPLEMENTATION))
                    .andGiven(new MilestoneRescheduled(COMMITMENT, M1, DUE, first, "Procurement delayed"))
                    .when(new RescheduleMilestone(COMMITMENT, null, M1, second, "Again"))
                    .expectEvents(new MilestoneRescheduled(COMMITMENT, M1, first, second, "Again"));
        }

        @Test
        void cannotRescheduleACompletedMilestone() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .andGiven(milestoneCompleted(M1))
                    .when(new RescheduleMilestone(COMMITMENT, null, M1, DUE.plusMonths(2), "Late"))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotRescheduleAnUnknownMilestone() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(new RescheduleMilestone(COMMITMENT, null, "no-such-milestone", DUE, "Late"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotRescheduleToTheDayAfterTheEnd() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(new RescheduleMilestone(COMMITMENT, null, M1, END.plusDays(1), "Late"))
                    .expectException(invalidInput("newDueDate"))
                    .expectNoEvents();
        }

        @Test
        void cannotRescheduleToTheDayBeforeTheStart() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(new RescheduleMilestone(COMMITMENT, null, M1, START.minusDays(1), "Early"))
                    .expectException(invalidInput("newDueDate"))
                    .expectNoEvents();
        }

        @Test
        void mayRescheduleToTheEndDate() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(new RescheduleMilestone(COMMITMENT, null, M1, END, "Late"))
                    .expectEvents(new MilestoneRescheduled(COMMITMENT, M1, DUE, END, "Late"));
        }

        @Test
        void mayRescheduleToTheStartDate() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(new RescheduleMilestone(COMMITMENT, null, M1, START, "Early"))
                    .expectEvents(new MilestoneRescheduled(COMMITMENT, M1, DUE, START, "Early"));
        }
    }

    // ---------------------------------------------------------------------------------------------- measurements

    @Nested
    class RecordingMeasurements {

        @ParameterizedTest(name = "in {0}")
        @EnumSource(value = CommitmentStatus.class, names = {"IN_IMPLEMENTATION", "COMPLETED", "EVALUATED"})
        void measurementsAreRecordedDuringAndAfterImplementation(CommitmentStatus status) {
            fixture.given(history(status))
                    .when(recordMeasurement(I1, MS2, TODAY))
                    .expectEvents(new MeasurementRecorded(COMMITMENT, I1, MS2, new BigDecimal("75"), TODAY,
                            "Portal audit", "Quarterly review"));
        }

        @ParameterizedTest(name = "in {0}")
        @EnumSource(value = CommitmentStatus.class, names = {"DRAFT", "ADOPTED", "SUSPENDED", "CANCELLED"})
        void measurementsAreNotRecordedBeforeImplementationNorWhileSuspendedNorOnceCancelled(CommitmentStatus status) {
            fixture.given(history(status))
                    .when(recordMeasurement(I1, MS2, TODAY))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotRecordAMeasurementOfAnUndefinedIndicator() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(recordMeasurement("no-such-indicator", MS2, TODAY))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void aMeasurementIdIsNeverReusedSoNoValueIsOverwritten() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .andGiven(new MeasurementRecorded(COMMITMENT, I1, MS2, new BigDecimal("60"), TODAY, "Portal", null))
                    .when(recordMeasurement(I1, MS2, TODAY))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotRecordAMeasurementTakenOnAFutureDate() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(recordMeasurement(I1, MS2, TOMORROW))
                    .expectException(invalidInput("measuredOn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class CorrectingMeasurements {

        @Test
        void aCorrectionRecordsTheValueItSupersedes() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(new CorrectMeasurement(COMMITMENT, null, I1, MS1, new BigDecimal("45"), "Typo in the audit"))
                    .expectEvents(new MeasurementCorrected(COMMITMENT, I1, MS1, new BigDecimal("40"),
                            new BigDecimal("45"), "Typo in the audit"));
        }

        @Test
        void aSecondCorrectionSupersedesTheFirst() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .andGiven(new MeasurementCorrected(COMMITMENT, I1, MS1, new BigDecimal("40"), new BigDecimal("45"), "Typo"))
                    .when(new CorrectMeasurement(COMMITMENT, null, I1, MS1, new BigDecimal("46"), "Typo again"))
                    .expectEvents(new MeasurementCorrected(COMMITMENT, I1, MS1, new BigDecimal("45"),
                            new BigDecimal("46"), "Typo again"));
        }

        @Test
        void measurementsCanBeCorrectedAfterEvaluation() {
            fixture.given(history(EVALUATED))
                    .when(new CorrectMeasurement(COMMITMENT, null, I1, MS1, new BigDecimal("45"), "Late audit"))
                    .expectEvents(new MeasurementCorrected(COMMITMENT, I1, MS1, new BigDecimal("40"),
                            new BigDecimal("45"), "Late audit"));
        }

        @Test
        void cannotCorrectAnUnknownMeasurement() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(new CorrectMeasurement(COMMITMENT, null, I1, "no-such-measurement", BigDecimal.TEN, "Typo"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotCorrectAMeasurementThroughAnotherIndicator() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .andGiven(indicatorDefinedBy(defineIndicator(I2, "5", "1", Direction.DECREASE, null)))
                    .when(new CorrectMeasurement(COMMITMENT, null, I2, MS1, BigDecimal.TEN, "Typo"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotCorrectAMeasurementOfAnUndefinedIndicator() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(new CorrectMeasurement(COMMITMENT, null, "no-such-indicator", MS1, BigDecimal.TEN, "Typo"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }
    }

    // ---------------------------------------------------------------------------------------------- reports

    @Nested
    class MonitoringReports {

        @ParameterizedTest(name = "in {0}")
        @EnumSource(value = CommitmentStatus.class, names = {"IN_IMPLEMENTATION", "COMPLETED", "EVALUATED"})
        void reportsAreSubmittedDuringAndAfterImplementation(CommitmentStatus status) {
            fixture.given(history(status))
                    .when(submitReport(Assessment.OFF_TRACK))
                    .expectEvents(new MonitoringReportSubmitted(COMMITMENT, "report-1", TODAY, Assessment.OFF_TRACK,
                            "Procurement is late"));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Assessment.class)
        void aReportCarriesAnyAssessment(Assessment assessment) {
            fixture.given(history(IN_IMPLEMENTATION))
                    .when(submitReport(assessment))
                    .expectEvents(new MonitoringReportSubmitted(COMMITMENT, "report-1", TODAY, assessment,
                            "Procurement is late"));
        }

        @ParameterizedTest(name = "in {0}")
        @EnumSource(value = CommitmentStatus.class, names = {"DRAFT", "ADOPTED", "SUSPENDED", "CANCELLED"})
        void reportsAreNotSubmittedOutsideMonitoring(CommitmentStatus status) {
            fixture.given(history(status))
                    .when(submitReport(Assessment.ON_TRACK))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }
    }

    // ---------------------------------------------------------------------------------------------- completion

    @Nested
    class CompletingTheCommitment {

        @Test
        void aCommitmentWhoseMilestonesAreAllCompletedCanBeCompleted() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .andGiven(milestoneCompleted(M1))
                    .when(new CompleteCommitment(COMMITMENT, null, TODAY))
                    .expectEvents(new CommitmentCompleted(COMMITMENT, TODAY));
        }

        @Test
        void cannotCompleteACommitmentWithAnOpenMilestone() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .andGiven(milestoneCompleted(M1), milestonePlanned(M2, DUE))
                    .when(new CompleteCommitment(COMMITMENT, null, TODAY))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotCompleteACommitmentOnAFutureDate() {
            fixture.given(history(IN_IMPLEMENTATION))
                    .andGiven(milestoneCompleted(M1))
                    .when(new CompleteCommitment(COMMITMENT, null, TOMORROW))
                    .expectException(invalidInput("completedOn"))
                    .expectNoEvents();
        }
    }

    // ---------------------------------------------------------------------------------------------- evaluation

    @Nested
    class Evaluating {

        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = CommitmentStatus.class, names = {"IN_IMPLEMENTATION", "COMPLETED", "SUSPENDED"})
        void aCommitmentIsEvaluatedFromImplementationCompletionOrSuspension(CommitmentStatus status) {
            fixture.given(history(status))
                    .when(evaluate(TODAY))
                    .expectEvents(evaluatedOn(TODAY));
        }

        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = CommitmentStatus.class, names = {"DRAFT", "ADOPTED", "EVALUATED", "CANCELLED"})
        void aCommitmentIsNotEvaluatedFromOtherStates(CommitmentStatus status) {
            fixture.given(history(status))
                    .when(evaluate(TODAY))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotEvaluateOnAFutureDate() {
            fixture.given(history(COMPLETED))
                    .when(evaluate(TOMORROW))
                    .expectException(invalidInput("evaluatedOn"))
                    .expectNoEvents();
        }
    }

    // ---------------------------------------------------------------------------------------------- suspension

    @Nested
    class SuspendingAndResuming {

        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = CommitmentStatus.class, names = {"ADOPTED", "IN_IMPLEMENTATION"})
        void suspensionRecordsTheStateItLeaves(CommitmentStatus status) {
            fixture.given(history(status))
                    .when(new SuspendCommitment(COMMITMENT, null, "State budget frozen"))
                    .expectEvents(new CommitmentSuspended(COMMITMENT, "State budget frozen", status));
        }

        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = CommitmentStatus.class, names = {"DRAFT", "SUSPENDED", "COMPLETED", "EVALUATED", "CANCELLED"})
        void cannotSuspendFromOtherStates(CommitmentStatus status) {
            fixture.given(history(status))
                    .when(new SuspendCommitment(COMMITMENT, null, "State budget frozen"))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @Test
        void resumingASuspendedAdoptedCommitmentReturnsItToAdopted() {
            fixture.given(history(ADOPTED))
                    .andGiven(suspended(ADOPTED))
                    .when(new ResumeCommitment(COMMITMENT, null))
                    .expectEvents(new CommitmentResumed(COMMITMENT, ADOPTED));
        }

        @Test
        void resumingASuspendedImplementationReturnsItToImplementation() {
            fixture.given(history(SUSPENDED))
                    .when(new ResumeCommitment(COMMITMENT, null))
                    .expectEvents(new CommitmentResumed(COMMITMENT, IN_IMPLEMENTATION));
        }

        @Test
        void aCommitmentResumedToAdoptedCanStartImplementation() {
            fixture.given(history(ADOPTED))
                    .andGiven(suspended(ADOPTED), new CommitmentResumed(COMMITMENT, ADOPTED))
                    .when(new StartImplementation(COMMITMENT, null, TODAY))
                    .expectEvents(new ImplementationStarted(COMMITMENT, TODAY));
        }

        @Test
        void aCommitmentResumedToAdoptedTakesNoProgress() {
            fixture.given(history(ADOPTED))
                    .andGiven(suspended(ADOPTED), new CommitmentResumed(COMMITMENT, ADOPTED))
                    .when(logProgress(M1, 40, List.of(EVIDENCE), TODAY))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @Test
        void aCommitmentResumedToImplementationTakesProgressAgain() {
            fixture.given(history(SUSPENDED))
                    .andGiven(new CommitmentResumed(COMMITMENT, IN_IMPLEMENTATION))
                    .when(logProgress(M1, 40, List.of(EVIDENCE), TODAY))
                    .expectEvents(new MilestoneProgressLogged(COMMITMENT, M1, 40, "Contracts of Q1 online",
                            List.of(EVIDENCE), TODAY));
        }

        @Test
        void aSecondSuspensionAfterResumingRemembersTheNewState() {
            fixture.given(history(ADOPTED))
                    .andGiven(suspended(ADOPTED), new CommitmentResumed(COMMITMENT, ADOPTED),
                            new ImplementationStarted(COMMITMENT, TODAY), suspended(IN_IMPLEMENTATION))
                    .when(new ResumeCommitment(COMMITMENT, null))
                    .expectEvents(new CommitmentResumed(COMMITMENT, IN_IMPLEMENTATION));
        }

        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = CommitmentStatus.class, names = "SUSPENDED", mode = EnumSource.Mode.EXCLUDE)
        void onlyASuspendedCommitmentCanBeResumed(CommitmentStatus status) {
            fixture.given(history(status))
                    .when(new ResumeCommitment(COMMITMENT, null))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }
    }

    // ---------------------------------------------------------------------------------------------- cancellation

    @Nested
    class Cancelling {

        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = CommitmentStatus.class, names = {"EVALUATED", "CANCELLED"}, mode = EnumSource.Mode.EXCLUDE)
        void aCommitmentCanBeCancelledFromEveryNonFinalState(CommitmentStatus status) {
            fixture.given(history(status))
                    .when(new CancelCommitment(COMMITMENT, null, "Superseded by a state law"))
                    .expectEvents(new CommitmentCancelled(COMMITMENT, "Superseded by a state law", status));
        }

        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = CommitmentStatus.class, names = {"EVALUATED", "CANCELLED"})
        void anEvaluatedOrCancelledCommitmentCannotBeCancelled(CommitmentStatus status) {
            fixture.given(history(status))
                    .when(new CancelCommitment(COMMITMENT, null, "Superseded by a state law"))
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentTest#lifecycleRules")
        void nothingIsAllowedOnACancelledCommitment(LifecycleRule rule) {
            fixture.given(history(CANCELLED))
                    .when(rule.command())
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }
    }

    // ---------------------------------------------------------------------------------------------- versions

    @Nested
    class ExpectedVersion {

        @Test
        void aCommandExpectingAnOlderVersionIsRejectedWithTheCurrentVersion() {
            fixture.given(history(DRAFT)) // versions 0, 1, 2
                    .when(new AdoptCommitment(COMMITMENT, 1L, TODAY, approvals()))
                    .expectException(versionConflictAt(2))
                    .expectNoEvents();
        }

        @Test
        void aCommandExpectingANewerVersionIsRejectedWithTheCurrentVersion() {
            fixture.given(history(DRAFT))
                    .when(new AdoptCommitment(COMMITMENT, 3L, TODAY, approvals()))
                    .expectException(versionConflictAt(2))
                    .expectNoEvents();
        }

        @Test
        void aCommandExpectingTheCurrentVersionIsAccepted() {
            fixture.given(history(DRAFT))
                    .when(new AdoptCommitment(COMMITMENT, 2L, TODAY, approvals()))
                    .expectEvents(new CommitmentAdopted(COMMITMENT, TODAY, approvals()))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void aFreshlyDraftedCommitmentIsAtVersionZero() {
            fixture.given(drafted(details()))
                    .when(new PlanMilestone(COMMITMENT, 0L, M1, "t", "d", DUE, "r", null))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aCommandWithoutAnExpectedVersionIsNotChecked() {
            fixture.given(history(DRAFT))
                    .when(new AdoptCommitment(COMMITMENT, null, TODAY, approvals()))
                    .expectEvents(new CommitmentAdopted(COMMITMENT, TODAY, approvals()))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void theVersionIsCheckedBeforeTheLifecycle() {
            fixture.given(history(CANCELLED))
                    .when(new ResumeCommitment(COMMITMENT, 0L))
                    .expectException(versionConflictAt(history(CANCELLED).size() - 1))
                    .expectNoEvents();
        }
    }

    // ---------------------------------------------------------------------------------------------- lifecycle matrix

    /** Every command × every status: accepted exactly where domain.md's lifecycle allows it. */
    @Nested
    class Lifecycle {

        @ParameterizedTest(name = "{0} is accepted in {1}")
        @MethodSource("mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentTest#allowedCells")
        void aCommandIsAcceptedInEveryStateThatAllowsIt(LifecycleRule rule, CommitmentStatus status) {
            List<Object> given = concat(history(status), rule.prerequisites().toArray());

            fixture.given(given)
                    .when(rule.command())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(rule.event().apply(status))
                    .expectResultMessagePayload((long) given.size());
        }

        @ParameterizedTest(name = "{0} is rejected in {1}")
        @MethodSource("mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentTest#forbiddenCells")
        void aCommandIsRejectedInEveryOtherState(LifecycleRule rule, CommitmentStatus status) {
            fixture.given(history(status))
                    .when(rule.command())
                    .expectException(InvalidStateException.class)
                    .expectNoEvents();
        }

        @Test
        void theMatrixCoversEveryCommandOnACommitment() {
            Set<Class<?>> covered = lifecycleRules().map(rule -> rule.command().getClass()).collect(Collectors.toSet());

            assertThat(covered).containsExactlyInAnyOrder(CommitmentCommand.class.getPermittedSubclasses());
        }
    }

    /** One command with the states that accept it and the event it records there. */
    record LifecycleRule(Object command, Set<CommitmentStatus> allowedIn, Function<CommitmentStatus, Object> event,
                         List<Object> prerequisites) {

        LifecycleRule(Object command, Set<CommitmentStatus> allowedIn, Function<CommitmentStatus, Object> event) {
            this(command, allowedIn, event, List.of());
        }

        @Override
        public String toString() {
            return command.getClass().getSimpleName();
        }
    }

    static Stream<LifecycleRule> lifecycleRules() {
        Set<CommitmentStatus> planning = EnumSet.of(DRAFT, ADOPTED, IN_IMPLEMENTATION);
        Set<CommitmentStatus> monitoring = EnumSet.of(IN_IMPLEMENTATION, COMPLETED, EVALUATED);
        CommitmentDetails revised = details(List.of("5.5"), START, END);
        DefineIndicator indicator = defineIndicator(I2, "5", "1", Direction.DECREASE, null);
        return Stream.of(
                new LifecycleRule(new ReviseCommitmentDetails(COMMITMENT, null, revised), EnumSet.of(DRAFT),
                        status -> revisedTo(revised)),
                new LifecycleRule(planMilestone(M2, DUE, null), planning, status -> milestonePlanned(M2, DUE)),
                new LifecycleRule(indicator, planning, status -> indicatorDefinedBy(indicator)),
                new LifecycleRule(new AdoptCommitment(COMMITMENT, null, TODAY, approvals()), EnumSet.of(DRAFT),
                        status -> new CommitmentAdopted(COMMITMENT, TODAY, approvals())),
                new LifecycleRule(new StartImplementation(COMMITMENT, null, TODAY), EnumSet.of(ADOPTED),
                        status -> new ImplementationStarted(COMMITMENT, TODAY)),
                new LifecycleRule(logProgress(M1, 60, List.of(EVIDENCE), TODAY), EnumSet.of(IN_IMPLEMENTATION),
                        status -> new MilestoneProgressLogged(COMMITMENT, M1, 60, "Contracts of Q1 online",
                                List.of(EVIDENCE), TODAY)),
                new LifecycleRule(new CompleteMilestone(COMMITMENT, null, M1, TODAY, List.of(EVIDENCE), "Done"),
                        EnumSet.of(IN_IMPLEMENTATION),
                        status -> new MilestoneCompleted(COMMITMENT, M1, TODAY, List.of(EVIDENCE), "Done")),
                new LifecycleRule(new RescheduleMilestone(COMMITMENT, null, M1, DUE.plusMonths(2), "Late"), planning,
                        status -> new MilestoneRescheduled(COMMITMENT, M1, DUE, DUE.plusMonths(2), "Late")),
                new LifecycleRule(recordMeasurement(I1, MS2, TODAY), monitoring,
                        status -> new MeasurementRecorded(COMMITMENT, I1, MS2, new BigDecimal("75"), TODAY,
                                "Portal audit", "Quarterly review")),
                new LifecycleRule(new CorrectMeasurement(COMMITMENT, null, I1, MS1, new BigDecimal("45"), "Typo"),
                        monitoring, status -> new MeasurementCorrected(COMMITMENT, I1, MS1, new BigDecimal("40"),
                        new BigDecimal("45"), "Typo")),
                new LifecycleRule(submitReport(Assessment.AT_RISK), monitoring,
                        status -> new MonitoringReportSubmitted(COMMITMENT, "report-1", TODAY, Assessment.AT_RISK,
                                "Procurement is late")),
                new LifecycleRule(new CompleteCommitment(COMMITMENT, null, TODAY), EnumSet.of(IN_IMPLEMENTATION),
                        status -> new CommitmentCompleted(COMMITMENT, TODAY), List.of(milestoneCompleted(M1))),
                new LifecycleRule(evaluate(TODAY), EnumSet.of(IN_IMPLEMENTATION, COMPLETED, SUSPENDED),
                        status -> evaluatedOn(TODAY)),
                new LifecycleRule(new SuspendCommitment(COMMITMENT, null, "State budget frozen"),
                        EnumSet.of(ADOPTED, IN_IMPLEMENTATION),
                        status -> new CommitmentSuspended(COMMITMENT, "State budget frozen", status)),
                new LifecycleRule(new ResumeCommitment(COMMITMENT, null), EnumSet.of(SUSPENDED),
                        status -> new CommitmentResumed(COMMITMENT, IN_IMPLEMENTATION)),
                new LifecycleRule(new CancelCommitment(COMMITMENT, null, "Superseded"),
                        EnumSet.complementOf(EnumSet.of(EVALUATED, CANCELLED)),
                        status -> new CommitmentCancelled(COMMITMENT, "Superseded", status)));
    }

    static Stream<Arguments> allowedCells() {
        return lifecycleRules().flatMap(rule -> rule.allowedIn().stream().map(status -> Arguments.of(rule, status)));
    }

    static Stream<Arguments> forbiddenCells() {
        return lifecycleRules().flatMap(rule -> EnumSet.complementOf(EnumSet.copyOf(rule.allowedIn())).stream()
                .map(status -> Arguments.of(rule, status)));
    }

    // ---------------------------------------------------------------------------------------------- histories

    /**
     * The events that bring a commitment to {@code status}: one milestone {@code M1} due on {@link #DUE}, one
     * indicator {@code I1}, and from implementation on one measurement {@code MS1} of 40.
     */
    static List<Object> history(CommitmentStatus status) {
        return switch (status) {
            case DRAFT -> List.of(drafted(details()), milestonePlanned(M1, DUE),
                    indicatorDefinedBy(defineIndicator(I1, "20", "90", Direction.INCREASE, "16.6.2")));
            case ADOPTED -> concat(history(DRAFT), new CommitmentAdopted(COMMITMENT, LocalDate.of(2024, 2, 15), approvals()));
            case IN_IMPLEMENTATION -> concat(history(ADOPTED), new ImplementationStarted(COMMITMENT, LocalDate.of(2024, 3, 1)),
                    new MeasurementRecorded(COMMITMENT, I1, MS1, new BigDecimal("40"), LocalDate.of(2025, 3, 31),
                            "Portal audit", null));
            case SUSPENDED -> concat(history(IN_IMPLEMENTATION), suspended(IN_IMPLEMENTATION));
            case COMPLETED -> concat(history(IN_IMPLEMENTATION), milestoneCompleted(M1),
                    new CommitmentCompleted(COMMITMENT, LocalDate.of(2025, 5, 1)));
            case EVALUATED -> concat(history(COMPLETED), evaluatedOn(LocalDate.of(2025, 6, 1)));
            case CANCELLED -> concat(history(IN_IMPLEMENTATION),
                    new CommitmentCancelled(COMMITMENT, "Superseded", IN_IMPLEMENTATION));
        };
    }

    static List<Object> concat(List<Object> events, Object... more) {
        List<Object> all = new ArrayList<>(events);
        all.addAll(Arrays.asList(more));
        return List.copyOf(all);
    }

    // ---------------------------------------------------------------------------------------------- commands and events

    static CommitmentDetails details() {
        return details(List.of("16.6", "16.10"), START, END);
    }

    static CommitmentDetails details(List<String> sdgTargets, LocalDate start, LocalDate end) {
        return new CommitmentDetails("Contrataciones abiertas de obra pública",
                "Public works contracts are not published", "Publish every public works contract in OCDS",
                List.of("Secretaría de Infraestructura y Obra Pública"), List.of("Jalisco Cómo Vamos"),
                List.of(OgpValue.TRANSPARENCY, OgpValue.PUBLIC_ACCOUNTABILITY), sdgTargets, start, end);
    }

    static DraftCommitment draft(CommitmentDetails details) {
        return new DraftCommitment(COMMITMENT, PLAN, CODE, details);
    }

    static CommitmentDrafted drafted(CommitmentDetails d) {
        return new CommitmentDrafted(COMMITMENT, PLAN, STL, CODE, d.title(), d.publicProblem(), d.objective(),
                d.responsibleInstitutions(), d.civilSocietyOrganisations(), d.ogpValues(), d.sdgTargets(),
                d.startDate(), d.endDate());
    }

    static CommitmentDetailsRevised revisedTo(CommitmentDetails d) {
        return new CommitmentDetailsRevised(COMMITMENT, d.title(), d.publicProblem(), d.objective(),
                d.responsibleInstitutions(), d.civilSocietyOrganisations(), d.ogpValues(), d.sdgTargets(),
                d.startDate(), d.endDate());
    }

    static PlanMilestone planMilestone(String milestoneId, LocalDate dueDate, BigDecimal weight) {
        return new PlanMilestone(COMMITMENT, null, milestoneId, "Contracts portal online",
                "Every 2024 contract published", dueDate, "Secretaría de Infraestructura y Obra Pública", weight);
    }

    static MilestonePlanned milestonePlanned(String milestoneId, LocalDate dueDate) {
        return milestonePlanned(milestoneId, dueDate, BigDecimal.ONE);
    }

    static MilestonePlanned milestonePlanned(String milestoneId, LocalDate dueDate, BigDecimal weight) {
        return new MilestonePlanned(COMMITMENT, milestoneId, "Contracts portal online",
                "Every 2024 contract published", dueDate, "Secretaría de Infraestructura y Obra Pública", weight);
    }

    static MilestoneCompleted milestoneCompleted(String milestoneId) {
        return new MilestoneCompleted(COMMITMENT, milestoneId, LocalDate.of(2025, 3, 30), List.of(EVIDENCE), "Done");
    }

    static DefineIndicator defineIndicator(String indicatorId, String baseline, String target, Direction direction,
                                           String sdgIndicator) {
        return defineIndicator(indicatorId, baseline, target, direction, sdgIndicator, LocalDate.of(2023, 12, 31),
                LocalDate.of(2026, 12, 31));
    }

    static DefineIndicator defineIndicator(String indicatorId, String baseline, String target, Direction direction,
                                           String sdgIndicator, LocalDate baselineDate, LocalDate targetDate) {
        return new DefineIndicator(COMMITMENT, null, indicatorId, "Contracts published", IndicatorKind.OUTPUT,
                "percent", new BigDecimal(baseline), baselineDate, new BigDecimal(target), targetDate, direction,
                Frequency.QUARTERLY, "Audit of the contracts portal", sdgIndicator);
    }

    static IndicatorDefined indicatorDefinedBy(DefineIndicator c) {
        return new IndicatorDefined(COMMITMENT, c.indicatorId(), c.name(), c.kind(), c.unit(), c.baseline(),
                c.baselineDate(), c.target(), c.targetDate(), c.direction(), c.frequency(), c.meansOfVerification(),
                c.sdgIndicator());
    }

    static List<Approval> approvals() {
        return List.of(new Approval(GOVERNMENT, "Ana López"), new Approval(TRANSPARENCY_BODY, "Bruno Díaz"),
                new Approval(CIVIL_SOCIETY, "Carla Ruiz"));
    }

    static LogMilestoneProgress logProgress(String milestoneId, int percent, List<String> evidence, LocalDate reportedOn) {
        return new LogMilestoneProgress(COMMITMENT, null, milestoneId, percent, "Contracts of Q1 online", evidence,
                reportedOn);
    }

    static RecordMeasurement recordMeasurement(String indicatorId, String measurementId, LocalDate measuredOn) {
        return new RecordMeasurement(COMMITMENT, null, indicatorId, measurementId, new BigDecimal("75"), measuredOn,
                "Portal audit", "Quarterly review");
    }

    static SubmitMonitoringReport submitReport(Assessment assessment) {
        return new SubmitMonitoringReport(COMMITMENT, null, "report-1", TODAY, assessment, "Procurement is late");
    }

    static EvaluateCommitment evaluate(LocalDate evaluatedOn) {
        return new EvaluateCommitment(COMMITMENT, null, evaluatedOn, CompletionLevel.SUBSTANTIAL,
                OpenGovernmentEffect.MAJOR, "Most contracts are published", "Independent Reporting Mechanism");
    }

    static CommitmentEvaluated evaluatedOn(LocalDate evaluatedOn) {
        return new CommitmentEvaluated(COMMITMENT, evaluatedOn, CompletionLevel.SUBSTANTIAL,
                OpenGovernmentEffect.MAJOR, "Most contracts are published", "Independent Reporting Mechanism");
    }

    static CommitmentSuspended suspended(CommitmentStatus from) {
        return new CommitmentSuspended(COMMITMENT, "State budget frozen", from);
    }

    // ---------------------------------------------------------------------------------------------- matchers

    static Matcher<InvalidInputException> invalidInput(String field) {
        return new FeatureMatcher<>(equalTo(field), "an InvalidInputException on field", "field") {
            @Override
            protected String featureValueOf(InvalidInputException actual) {
                return actual.field();
            }
        };
    }

    static Matcher<VersionConflictException> versionConflictAt(long currentVersion) {
        return new FeatureMatcher<>(equalTo(currentVersion), "a VersionConflictException at current version",
                "currentVersion") {
            @Override
            protected Long featureValueOf(VersionConflictException actual) {
                return actual.currentVersion();
            }
        };
    }
}
