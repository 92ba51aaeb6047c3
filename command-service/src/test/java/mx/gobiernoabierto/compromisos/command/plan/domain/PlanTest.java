package mx.gobiernoabierto.compromisos.command.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mx.gobiernoabierto.compromisos.command.domain.InvalidInputException;
import mx.gobiernoabierto.compromisos.events.PlanRegistered;

class PlanTest {

    static final String PLAN = "plan-1";
    static final LocalDate PERIOD_START = LocalDate.of(2024, 1, 1);
    static final LocalDate PERIOD_END = LocalDate.of(2026, 12, 31);

    /** A fake of the port that remembers what it was told. */
    static final class RecordingPlanRegistry implements PlanRegistry {
        final List<String> registered = new ArrayList<>();

        @Override
        public void register(String planId, String stlId) {
            registered.add(planId + " -> " + stlId);
        }
    }

    private RecordingPlanRegistry registry;
    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        registry = new RecordingPlanRegistry();
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(registry);
    }

    @Test
    void registeringAPlanRecordsIt() {
        fixture.givenNoPriorActivity()
                .when(register("stl-jalisco", PERIOD_START, PERIOD_END))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanRegistered(PLAN, "stl-jalisco", "STL Jalisco", "Jalisco",
                        "Plan de Acción Local 2024-2026", PERIOD_START, PERIOD_END));
    }

    @Test
    void registeringAPlanMakesItKnownToTheRegistry() {
        fixture.givenNoPriorActivity()
                .when(register("stl-jalisco", PERIOD_START, PERIOD_END))
                .expectSuccessfulHandlerExecution();

        assertThat(registry.registered).containsExactly(PLAN + " -> stl-jalisco");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"stl-jalisco", "stl-ciudad-de-mexico", "stl-nuevo-leon-2", "jalisco"})
    void anStlIsNamedByASlug(String slug) {
        fixture.givenNoPriorActivity()
                .when(register(slug, PERIOD_START, PERIOD_END))
                .expectEvents(new PlanRegistered(PLAN, slug, "STL Jalisco", "Jalisco",
                        "Plan de Acción Local 2024-2026", PERIOD_START, PERIOD_END));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"STL-Jalisco", "stl_jalisco", "stl--jalisco", "-stl-jalisco", "stl-jalisco-",
            "stl jalisco", "stl-méxico", ""})
    void cannotRegisterAPlanForSomethingThatIsNotASlug(String stlId) {
        fixture.givenNoPriorActivity()
                .when(register(stlId, PERIOD_START, PERIOD_END))
                .expectException(invalidInput("stlId"))
                .expectNoEvents();

        assertThat(registry.registered).isEmpty();
    }

    @Test
    void cannotRegisterAPlanWhosePeriodEndsBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(register("stl-jalisco", PERIOD_START, PERIOD_START.minusDays(1)))
                .expectException(invalidInput("periodEnd"))
                .expectNoEvents();

        assertThat(registry.registered).isEmpty();
    }

    static RegisterPlan register(String stlId, LocalDate periodStart, LocalDate periodEnd) {
        return new RegisterPlan(PLAN, stlId, "STL Jalisco", "Jalisco", "Plan de Acción Local 2024-2026", periodStart,
                periodEnd);
    }

    static Matcher<InvalidInputException> invalidInput(String field) {
        return new FeatureMatcher<>(equalTo(field), "an InvalidInputException on field", "field") {
            @Override
            protected String featureValueOf(InvalidInputException actual) {
                return actual.field();
            }
        };
    }
}
