package mx.gobiernoabierto.compromisos.query.commitment.web;

import static mx.gobiernoabierto.compromisos.support.testing.ProblemBodies.problem;
import static mx.gobiernoabierto.compromisos.support.testing.ProblemBodies.validation;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;

import mx.gobiernoabierto.compromisos.query.QueryServiceApplication;
import mx.gobiernoabierto.compromisos.query.audit.EventArchive;
import mx.gobiernoabierto.compromisos.query.commitment.projection.AsOfViews;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ConsumerAssignment;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewStore;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewTables;
import mx.gobiernoabierto.compromisos.query.config.QueryProperties;
import mx.gobiernoabierto.compromisos.query.portal.PortalProperties;
import mx.gobiernoabierto.compromisos.support.problem.ProblemSupportAutoConfiguration;
import mx.gobiernoabierto.compromisos.support.security.SecuritySupportAutoConfiguration;
import mx.gobiernoabierto.compromisos.support.testing.TestUsers;

/**
 * The query service's web layer alone (the commitment reads, its security rules and problem advice; the views are
 * mocks): the problem body of each status of api.md's error table that the query API answers.
 */
@WebMvcTest(controllers = CommitmentQueryController.class,
        properties = {QueryServiceApplication.CONFIG_NAME, "compromisos.query.min-version-wait=50ms"},
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = {".*\\.query\\.security\\.SecurityConfig",
                        ".*\\.query\\.commitment\\.projection\\.ViewVersions"}))
@ImportAutoConfiguration({SecuritySupportAutoConfiguration.class, ProblemSupportAutoConfiguration.class})
class QueryProblemsWebMvcTest {

    private static final String ID = "3f2b8c1e-6d4a-4f7e-9a1b-2c3d4e5f6a7b";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommitmentSearch search;

    @MockitoBean
    ViewStore store;

    @MockitoBean
    EventArchive archive;

    @MockitoBean
    ConsumerAssignment assignment;

    @MockitoBean
    AsOfViews asOfViews;

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        TestUsers.add(registry, 0, "editora", "STL_EDITOR", "stl-jalisco");
    }

    @Test
    void aFilterThatIsNoUuidOrSlugIsAValidationProblemNamingIt() throws Exception {
        validation(mvc.perform(get("/api/v1/commitments").param("planId", "plan-1")), "planId");
        validation(mvc.perform(get("/api/v1/commitments").param("stlId", "STL Jalisco")), "stlId");
        validation(mvc.perform(get("/api/v1/commitments").param("size", "501")), "size");
        validation(mvc.perform(get("/api/v1/commitments").param("sdgGoal", "dieciséis")), "sdgGoal");
        verify(search, never()).find(any(), org.mockito.ArgumentMatchers.anyInt(), org.mockito.ArgumentMatchers.anyInt());
    }

    @Test
    void aCommitmentIdThatIsNoUuidIsAValidationProblem() throws Exception {
        validation(mvc.perform(get("/api/v1/commitments/JAL-01")), "commitmentId");
    }

    @Test
    void anUnknownCommitmentIsNotFound() throws Exception {
        when(store.commitment(ViewTables.LIVE, ID)).thenReturn(Optional.empty());

        problem(mvc.perform(get("/api/v1/commitments/" + ID)), 404, "not-found");
    }

    @Test
    void aViewThatDoesNotReachMinVersionInTimeIsProjectionBehindWithRetryAfter() throws Exception {
        when(store.version(ViewTables.LIVE, ID)).thenReturn(2L);
        when(assignment.assigned()).thenReturn(true);

        problem(mvc.perform(get("/api/v1/commitments/" + ID).param("minVersion", "3")), 503, "projection-behind")
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.currentVersion").value(2));
    }

    @Test
    void aDatabaseOutOfReachIsUnavailableWithRetryAfter() throws Exception {
        when(store.commitment(eq(ViewTables.LIVE), any())).thenThrow(new CannotCreateTransactionException(
                "no connection", new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));

        problem(mvc.perform(get("/api/v1/commitments/" + ID)), 503, "unavailable")
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Hikari"))));
    }

    @Test
    void theReplayWithoutCredentialsIsUnauthorizedAndForAnEditorForbidden() throws Exception {
        problem(mvc.perform(post("/api/v1/admin/replay")), 401, "unauthorized")
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")));
        problem(mvc.perform(post("/api/v1/admin/replay").header("Authorization", TestUsers.basic("editora"))),
                403, "forbidden");
    }

    @Test
    void aBodyOverOneMebibyteIsTooLargeBeforeAuthentication() throws Exception {
        problem(mvc.perform(post("/api/v1/admin/replay").contentType(MediaType.APPLICATION_JSON)
                .content(new byte[1024 * 1024 + 1])), 413, "payload-too-large");
    }

    /** What the service's own configuration gives the web layer (settings scanning does not run in a slice). */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties({QueryProperties.class, PortalProperties.class})
    static class Infrastructure {

        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2025-03-01T18:00:00Z"), ZoneId.of("America/Mexico_City"));
        }
    }
}
