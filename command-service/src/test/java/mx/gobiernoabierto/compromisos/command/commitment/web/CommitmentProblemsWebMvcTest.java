package mx.gobiernoabierto.compromisos.command.commitment.web;

import static mx.gobiernoabierto.compromisos.support.testing.ProblemBodies.problem;
import static mx.gobiernoabierto.compromisos.support.testing.ProblemBodies.validation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.CannotCreateTransactionException;

import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.CorrectMeasurement;
import mx.gobiernoabierto.compromisos.command.commitment.domain.CommitmentCommands.SuspendCommitment;
import mx.gobiernoabierto.compromisos.command.config.CompromisosProperties;
import mx.gobiernoabierto.compromisos.command.domain.InvalidStateException;
import mx.gobiernoabierto.compromisos.command.domain.NotFoundException;
import mx.gobiernoabierto.compromisos.command.domain.VersionConflictException;
import mx.gobiernoabierto.compromisos.command.web.CommandSender;
import mx.gobiernoabierto.compromisos.support.problem.ProblemSupportAutoConfiguration;
import mx.gobiernoabierto.compromisos.support.security.SecuritySupportAutoConfiguration;
import mx.gobiernoabierto.compromisos.support.testing.TestUsers;

/**
 * The command service's web layer alone (its controller, argument resolver, security rules and problem advice; the
 * commands go to a mock): the problem body of each status of api.md's error table that a command on a commitment can
 * get, and which part of a request with several faults is named.
 */
@WebMvcTest(controllers = CommitmentController.class,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
                ".*\\.command\\.security\\.(SecurityConfig|StlAccess)", ".*\\.command\\.web\\.CommandProblems"}),
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.command\\.web\\.IdempotencyFilter"))
@ImportAutoConfiguration({SecuritySupportAutoConfiguration.class, ProblemSupportAutoConfiguration.class})
@EnableConfigurationProperties(CompromisosProperties.class)
class CommitmentProblemsWebMvcTest {

    private static final String EDITOR = TestUsers.basic("editora");
    private static final String EVALUATOR = TestUsers.basic("evaluadora");
    private static final String ID = "3f2b8c1e-6d4a-4f7e-9a1b-2c3d4e5f6a7b";
    private static final String OAXACAS = "7a0e5d2c-1b3f-4e6a-8c9d-0f1e2d3c4b5a";
    private static final String REASON = "{\"reason\":\"veda electoral\"}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandSender commands;

    @MockitoBean
    EventStore eventStore;

    @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
    JdbcClient jdbc;

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        TestUsers.add(registry, 0, "editora", "STL_EDITOR", "stl-jalisco");
        TestUsers.add(registry, 1, "evaluadora", "EVALUATOR", null);
    }

    @BeforeEach
    void everyCommitmentIsJaliscos() {
        stlOfEveryCommitment("stl-jalisco");
    }

    @Test
    void aCommandAnswersItsVersionAndPassesTheIfMatchVersionOn() throws Exception {
        doReturn(4L).when(commands).send(any());

        mvc.perform(suspend(ID).header("If-Match", "\"3\""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""))
                .andExpect(jsonPath("$.commitmentId").value(ID))
                .andExpect(jsonPath("$.version").value(4));
        ArgumentCaptor<SuspendCommitment> sent = ArgumentCaptor.forClass(SuspendCommitment.class);
        verify(commands).send(sent.capture());
        assertThat(sent.getValue())
                .isEqualTo(new SuspendCommitment(ID, 3L, "veda electoral"));
    }

    @Test
    void withoutIfMatchTheCommandExpectsNoVersion() throws Exception {
        doReturn(4L).when(commands).send(any());

        mvc.perform(suspend(ID)).andExpect(status().isOk());
        ArgumentCaptor<SuspendCommitment> sent = ArgumentCaptor.forClass(SuspendCommitment.class);
        verify(commands).send(sent.capture());
        assertThat(sent.getValue().expectedVersion()).isNull();
    }

    @Test
    void aMalformedIfMatchIsAValidationProblemNamingTheHeader() throws Exception {
        validation(mvc.perform(suspend(ID).header("If-Match", "3")), "If-Match");
        validation(mvc.perform(suspend(ID).header("If-Match", "\"99999999999999999999\"")), "If-Match");
        verify(commands, never()).send(any());
    }

    @Test
    void twoIfMatchHeadersAreRefusedAsOneListOfVersions() throws Exception {
        validation(mvc.perform(suspend(ID).header("If-Match", "\"3\"", "\"4\"")), "If-Match");
        verify(commands, never()).send(any());
    }

    @Test
    void aCommitmentIdThatIsNoUuidIsAValidationProblem() throws Exception {
        validation(mvc.perform(suspend("JAL-01")), "commitmentId");
    }

    @Test
    void theIdsOfACommitmentsPartsAreNamedBeforeItsOwnIdAndTheHeader() throws Exception {
        String path = "/api/v1/commitments/%s/indicators/%s/measurements/%s/correction";
        String body = "{\"value\":5,\"reason\":\"error de captura\"}";
        validation(mvc.perform(command(path.formatted("no-id", "no-indicador", "no-medicion"), body)
                .header("If-Match", "x")), "indicatorId");
        validation(mvc.perform(command(path.formatted("no-id", ID, "no-medicion"), body)
                .header("If-Match", "x")), "measurementId");
        validation(mvc.perform(command(path.formatted("no-id", ID, ID), body).header("If-Match", "x")), "commitmentId");
        validation(mvc.perform(command(path.formatted(ID, ID, ID), body).header("If-Match", "x")), "If-Match");
        verify(commands, never()).send(any());

        doReturn(6L).when(commands).send(any());
        mvc.perform(command(path.formatted(ID, ID, ID), body).header("If-Match", "\"5\"")).andExpect(status().isOk());
        ArgumentCaptor<CorrectMeasurement> sent = ArgumentCaptor.forClass(CorrectMeasurement.class);
        verify(commands).send(sent.capture());
        assertThat(sent.getValue().expectedVersion()).isEqualTo(5L);
    }

    @Test
    void anInvalidBodyIsNamedBeforeABadIfMatch() throws Exception {
        validation(mvc.perform(command("/api/v1/commitments/" + ID + "/suspension", "{\"reason\":\"\"}")
                .header("If-Match", "x")), "reason");
    }

    @Test
    void withoutCredentialsACommandIsUnauthorized() throws Exception {
        problem(mvc.perform(post("/api/v1/commitments/" + ID + "/suspension")
                .contentType(MediaType.APPLICATION_JSON).content(REASON)), 401, "unauthorized")
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")));
    }

    @Test
    void anEvaluatorMayNotSuspendAndAnEditorOfAnotherStlMayNot() throws Exception {
        problem(mvc.perform(post("/api/v1/commitments/" + ID + "/suspension").header("Authorization", EVALUATOR)
                .contentType(MediaType.APPLICATION_JSON).content(REASON)), 403, "forbidden");
        // StlAccess remembers a commitment's STL once read (it never changes), so Oaxaca's is another commitment.
        stlOfEveryCommitment("stl-oaxaca");
        problem(mvc.perform(suspend(OAXACAS)), 403, "forbidden");
        verify(commands, never()).send(any());
    }

    @Test
    void anUnknownCommitmentIsNotFound() throws Exception {
        doThrow(new NotFoundException("commitment", ID)).when(commands).send(any());

        problem(mvc.perform(suspend(ID)), 404, "not-found");
    }

    @Test
    void aCommandTheLifecycleForbidsIsAnInvalidStateConflict() throws Exception {
        doThrow(new InvalidStateException("cannot suspend a DRAFT commitment")).when(commands).send(any());

        problem(mvc.perform(suspend(ID)), 409, "invalid-state")
                .andExpect(jsonPath("$.detail").value("cannot suspend a DRAFT commitment"));
    }

    @Test
    void anotherVersionIsAVersionConflictWithTheCurrentVersion() throws Exception {
        doThrow(new VersionConflictException(3, 5)).when(commands).send(any());

        problem(mvc.perform(suspend(ID).header("If-Match", "\"3\"")), 409, "version-conflict")
                .andExpect(jsonPath("$.currentVersion").value(5));
    }

    @Test
    void aBodyOverOneMebibyteIsTooLargeBeforeAuthentication() throws Exception {
        problem(mvc.perform(post("/api/v1/commitments/" + ID + "/suspension").contentType(MediaType.APPLICATION_JSON)
                .content(new byte[1024 * 1024 + 1])), 413, "payload-too-large");
        verify(commands, never()).send(any());
    }

    @Test
    void aDatabaseOutOfReachIsUnavailableSaysNothingWasWrittenAndWhenToRetry() throws Exception {
        doThrow(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))
                .when(commands).send(any());

        problem(mvc.perform(suspend(ID)), 503, "unavailable")
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(jsonPath("$.detail").value(containsString("nothing was written")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Hikari"))));
    }

    /** What {@code StlAccess} reads from the command side's lookup tables. */
    private void stlOfEveryCommitment(String stlId) {
        when(jdbc.sql(anyString()).param(any()).query(String.class).optional()).thenReturn(Optional.of(stlId));
    }

    private static MockHttpServletRequestBuilder suspend(String commitmentId) {
        return command("/api/v1/commitments/" + commitmentId + "/suspension", REASON);
    }

    private static MockHttpServletRequestBuilder command(String path, String body) {
        return post(path).header("Authorization", EDITOR).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Meters {

        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }
    }
}
