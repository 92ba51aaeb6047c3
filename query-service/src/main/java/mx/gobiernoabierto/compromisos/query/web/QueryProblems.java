package mx.gobiernoabierto.compromisos.query.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Problem bodies ({@code application/problem+json}) of the query API; no stack trace reaches a client. */
@RestControllerAdvice
class QueryProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(QueryProblems.class);
    private static final Map<Integer, String> TYPES = Map.of(400, "validation", 401, "unauthorized", 403, "forbidden",
            404, "not-found", 405, "method-not-allowed", 406, "not-acceptable", 413, "payload-too-large",
            415, "unsupported-media-type", 503, "projection-behind");

    @ExceptionHandler(BadQueryException.class)
    ResponseEntity<Object> badQuery(BadQueryException failure) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, failure.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", failure.field(), "message", failure.getMessage())));
        return respond(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException failure) {
        return respond(problem(HttpStatus.NOT_FOUND, failure.getMessage()));
    }

    @ExceptionHandler(ProjectionBehindException.class)
    ResponseEntity<Object> behind(ProjectionBehindException failure) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, failure.getMessage());
        problem.setProperty("currentVersion", failure.currentVersion());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> mismatch(MethodArgumentTypeMismatchException failure) {
        return badQuery(new BadQueryException(failure.getName(), failure.getName() + " has an invalid value"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception failure) {
        if (DatabaseUnavailable.is(failure)) {
            LOG.warn("The database cannot be reached: {}", failure.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).headers(DatabaseUnavailable.headers())
                    .body(DatabaseUnavailable.problem());
        }
        LOG.error("Unexpected failure", failure);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "the request could not be completed"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatusAndDetail(status, HttpStatus.valueOf(status.value()).getReasonPhrase());
        problem.setType(type(status.value()));
        if (status.value() == 400 && problem.getProperties() == null) {
            problem.setProperty("errors", List.of());
        }
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(status.value()));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    private static URI type(int status) {
        return URI.create("/problems/" + typeName(status));
    }

    /** The name of the problem type a status gets when nothing more specific is known. */
    static String typeName(int status) {
        return TYPES.getOrDefault(status, status >= 500 ? "internal" : "bad-request");
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
