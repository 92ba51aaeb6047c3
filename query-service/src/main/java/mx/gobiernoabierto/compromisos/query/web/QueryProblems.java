package mx.gobiernoabierto.compromisos.query.web;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import mx.gobiernoabierto.compromisos.support.problem.ProblemResponses;
import mx.gobiernoabierto.compromisos.support.problem.ProblemTypes;
import mx.gobiernoabierto.compromisos.support.problem.ServiceProblemTypes;

/**
 * Problem bodies ({@code application/problem+json}) of the query API's own failures; Spring MVC's and the unexpected
 * ones are service-support's {@link ProblemResponses}. No stack trace reaches a client.
 */
@RestControllerAdvice
class QueryProblems extends ProblemResponses {

    static final String PROJECTION_BEHIND = "projection-behind";

    QueryProblems(ProblemTypes types) {
        super(types);
    }

    @ExceptionHandler(BadQueryException.class)
    ResponseEntity<Object> badQuery(BadQueryException failure) {
        return respond(ProblemTypes.validation(List.of(new ProblemTypes.FieldError(failure.field(), failure.getMessage())),
                failure.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException failure) {
        return respond(types.forStatus(HttpStatus.NOT_FOUND, failure.getMessage()));
    }

    @ExceptionHandler(ProjectionBehindException.class)
    ResponseEntity<Object> behind(ProjectionBehindException failure) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE, PROJECTION_BEHIND, failure.getMessage());
        problem.setProperty("currentVersion", failure.currentVersion());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return respond(problem, headers);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> mismatch(MethodArgumentTypeMismatchException failure) {
        return badQuery(new BadQueryException(failure.getName(), failure.getName() + " has an invalid value"));
    }

    /** The query service's own problem types, next to the shared ones. */
    @Configuration(proxyBeanMethods = false)
    static class Types {

        @Bean
        ServiceProblemTypes queryProblemTypes() {
            return new ServiceProblemTypes(Map.of(503, PROJECTION_BEHIND));
        }
    }
}
