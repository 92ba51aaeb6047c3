package mx.gobiernoabierto.compromisos.command.web;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import mx.gobiernoabierto.compromisos.support.problem.ServiceProblemTypes;

/** The command service's own problem types, next to the shared ones of service-support's {@code ProblemTypes}. */
@Configuration(proxyBeanMethods = false)
class CommandProblems {

    static final String INVALID_STATE = "invalid-state";
    static final String VERSION_CONFLICT = "version-conflict";
    static final String DUPLICATE_CODE = "duplicate-code";
    static final String IDEMPOTENCY_KEY_REUSE = "idempotency-key-reuse";
    /** What a 503 for a database out of reach tells a client of this service: nothing was written, retry safely. */
    static final String UNAVAILABLE_DETAIL = "the database cannot be reached just now; nothing was written; retry shortly "
            + "(with the same Idempotency-Key)";

    /** A 409 with nothing more specific known is a lifecycle refusal; a 422, a reused idempotency key. */
    @Bean
    ServiceProblemTypes commandProblemTypes() {
        return new ServiceProblemTypes(Map.of(409, INVALID_STATE, 422, IDEMPOTENCY_KEY_REUSE), UNAVAILABLE_DETAIL);
    }
}
