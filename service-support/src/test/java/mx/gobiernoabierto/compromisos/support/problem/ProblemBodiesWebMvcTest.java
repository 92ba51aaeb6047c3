package mx.gobiernoabierto.compromisos.support.problem;

import static mx.gobiernoabierto.compromisos.support.testing.ProblemBodies.problem;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.RequestDispatcher;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import mx.gobiernoabierto.compromisos.support.security.Role;
import mx.gobiernoabierto.compromisos.support.security.SecuritySupportAutoConfiguration;
import mx.gobiernoabierto.compromisos.support.security.ServiceSecurity;
import mx.gobiernoabierto.compromisos.support.testing.TestUsers;

/**
 * The problem body of every status of api.md's error table, as service-support's plumbing writes it for a service
 * that adds its own types (here those of both services): {@code type}, {@code title}, {@code status},
 * {@code detail}, and {@code errors} on every 400, whichever path the failure took (Spring MVC, the controller
 * advice, the body limit filter, security's entry points, the error controller).
 */
@WebMvcTest
class ProblemBodiesWebMvcTest {

    private static final String EDITOR = TestUsers.basic("editora");

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        TestUsers.add(registry, 0, "editora", "STL_EDITOR", null);
    }

    @Test
    void malformedJsonIsAValidationProblemWithEmptyErrors() throws Exception {
        problem(mvc.perform(post("/things").header("Authorization", EDITOR)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":")), 400, "validation")
                .andExpect(jsonPath("$.errors").isArray())
                .andExpect(jsonPath("$.errors.length()").value(0));
    }

    @Test
    void anInvalidFieldIsAValidationProblemWithErrors() throws Exception {
        problem(mvc.perform(post("/things").header("Authorization", EDITOR)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}")), 400, "validation")
                .andExpect(jsonPath("$.errors").isArray());
    }

    @Test
    void aServicesOwnFieldErrorIsListed() throws Exception {
        problem(mvc.perform(get("/things/bad")), 400, "validation")
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a UUID"));
    }

    @Test
    void noCredentialsIsUnauthorizedWithAChallenge() throws Exception {
        problem(mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}")),
                401, "unauthorized")
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")));
    }

    @Test
    void aRoleThatMayNotIsForbidden() throws Exception {
        problem(mvc.perform(post("/admin/replay").header("Authorization", EDITOR)), 403, "forbidden");
    }

    @Test
    void anUnknownThingIsNotFound() throws Exception {
        problem(mvc.perform(get("/things/missing")), 404, "not-found");
    }

    @Test
    void anUnknownPathIsNotFound() throws Exception {
        problem(mvc.perform(get("/nothing/here")), 404, "not-found");
    }

    @Test
    void aMethodNotAllowedHasItsType() throws Exception {
        problem(mvc.perform(delete("/things/missing").header("Authorization", EDITOR)), 405, "method-not-allowed");
    }

    @Test
    void theServicesConflictTypesStandAsTheServiceNamesThem() throws Exception {
        problem(mvc.perform(get("/things/conflict")), 409, "invalid-state");
        problem(mvc.perform(get("/things/version-conflict")), 409, "version-conflict")
                .andExpect(jsonPath("$.currentVersion").value(3));
        problem(mvc.perform(get("/things/duplicate")), 409, "duplicate-code");
    }

    @Test
    void aBodyOverOneMebibyteIsTooLargeBeforeAuthentication() throws Exception {
        problem(mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                .content(new byte[1024 * 1024 + 1])), 413, "payload-too-large")
                .andExpect(header().string("Connection", "close"));
    }

    @Test
    void aReusedIdempotencyKeyHasItsType() throws Exception {
        problem(mvc.perform(get("/things/reused")), 422, "idempotency-key-reuse");
    }

    @Test
    void aProjectionBehindIsUnavailableWithRetryAfter() throws Exception {
        problem(mvc.perform(get("/things/behind")), 503, "projection-behind")
                .andExpect(header().string("Retry-After", "1"));
    }

    @Test
    void anUnexpectedFailureSaysNothingOfItself() throws Exception {
        problem(mvc.perform(get("/things/broken")), 500, "internal")
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("secret"))));
    }

    @Test
    void whatTheContainerForwardsToErrorIsAProblemOfItsStatus() throws Exception {
        problem(mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)), 400, "validation")
                .andExpect(jsonPath("$.errors.length()").value(0));
        problem(mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 503)), 503,
                "projection-behind");
    }

    /** A service in miniature: the shared plumbing, its own types, its own rules and failures. */
    @SpringBootConfiguration
    @EnableWebSecurity
    @ImportAutoConfiguration({SecuritySupportAutoConfiguration.class, ProblemSupportAutoConfiguration.class})
    static class Service {

        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ServiceProblemTypes serviceTypes() {
            return new ServiceProblemTypes(Map.of(409, "invalid-state", 422, "idempotency-key-reuse",
                    503, "projection-behind"));
        }

        @Bean
        SecurityFilterChain rules(HttpSecurity http, ServiceSecurity serviceSecurity) {
            serviceSecurity.applyTo(http);
            http.authorizeHttpRequests(requests -> ServiceSecurity.sharedRules(requests)
                            .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                            .anyRequest().hasRole(Role.STL_EDITOR.name()));
            return http.build();
        }

        @Bean
        Things things() {
            return new Things();
        }

        @Bean
        Failures failures(ProblemTypes types) {
            return new Failures(types);
        }
    }

    record Thing(@NotBlank String name) {
    }

    /** A failure of the service's own, with the status (and type, where the status alone does not say) it means. */
    static final class Failure extends RuntimeException {

        final HttpStatus status;
        final String type;

        Failure(HttpStatus status, String type, String detail) {
            super(detail);
            this.status = status;
            this.type = type;
        }
    }

    @RestController
    static class Things {

        @PostMapping("/things")
        Map<String, String> create(@Valid @RequestBody Thing thing) {
            return Map.of("name", thing.name());
        }

        @PostMapping("/admin/replay")
        Map<String, String> replay() {
            return Map.of();
        }

        @GetMapping("/things/{id}")
        Map<String, String> read(@PathVariable String id) {
            throw switch (id) {
                case "bad" -> new Failure(HttpStatus.BAD_REQUEST, "validation", "must be a UUID");
                case "missing" -> new Failure(HttpStatus.NOT_FOUND, null, "no thing with id missing");
                case "conflict" -> new Failure(HttpStatus.CONFLICT, null, "the lifecycle forbids this now");
                case "version-conflict" -> new Failure(HttpStatus.CONFLICT, "version-conflict", "If-Match named 2");
                case "duplicate" -> new Failure(HttpStatus.CONFLICT, "duplicate-code", "the code is used");
                case "reused" -> new Failure(HttpStatus.UNPROCESSABLE_CONTENT, null, "the key was used");
                case "behind" -> new Failure(HttpStatus.SERVICE_UNAVAILABLE, null, "not caught up");
                default -> new IllegalStateException("a secret the client must not see");
            };
        }
    }

    @RestControllerAdvice
    static class Failures extends ProblemResponses {

        Failures(ProblemTypes types) {
            super(types);
        }

        @ExceptionHandler(Failure.class)
        ResponseEntity<Object> failed(Failure failure) {
            if (failure.status == HttpStatus.BAD_REQUEST) {
                return respond(ProblemTypes.validation(
                        java.util.List.of(new ProblemTypes.FieldError("id", failure.getMessage())), failure.getMessage()));
            }
            ProblemDetail problem = failure.type == null ? types.forStatus(failure.status, failure.getMessage())
                    : ProblemTypes.problem(failure.status, failure.type, failure.getMessage());
            if ("version-conflict".equals(failure.type)) {
                problem.setProperty("currentVersion", 3);
            }
            org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
            if (failure.status == HttpStatus.SERVICE_UNAVAILABLE) {
                headers.set("Retry-After", "1");
            }
            return respond(problem, headers);
        }
    }
}
