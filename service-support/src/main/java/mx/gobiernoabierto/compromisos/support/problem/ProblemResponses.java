package mx.gobiernoabierto.compromisos.support.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The base of each service's controller advice: Spring MVC's own failures (405, 406, 415, a missing parameter, ...)
 * and the unexpected ones (a database out of reach: {@link DatabaseUnavailable}) become problems of the registry's types, and every answer's body is written by
 * {@link ProblemWriter}. A service adds handlers for its own exceptions and answers them with {@link #respond}.
 * No stack trace, class name or SQL reaches a client; an unexpected failure is logged here.
 */
public abstract class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    protected final ProblemTypes types;

    protected ProblemResponses(ProblemTypes types) {
        this.types = types;
    }

    @ExceptionHandler(Exception.class)
    protected ResponseEntity<Object> unexpected(Exception failure) {
        if (DatabaseUnavailable.is(failure)) {
            LOG.warn("The database cannot be reached: {}", failure.toString());
            return respond(types.unavailable(), DatabaseUnavailable.headers());
        }
        LOG.error("Unexpected failure", failure);
        return respond(types.forStatus(HttpStatus.INTERNAL_SERVER_ERROR, serverErrorDetail()));
    }

    /** What a 500 says: nothing of the failure itself. */
    protected String serverErrorDetail() {
        return "the request could not be completed";
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatusAndDetail(status, ProblemTypes.title(status.value()));
        problem.setType(ProblemTypes.uri(types.forStatus(status.value())));
        if (problem.getDetail() == null) {
            problem.setDetail(ProblemTypes.title(status.value()));
        }
        return respond(problem, headers);
    }

    public static ResponseEntity<Object> respond(ProblemDetail problem) {
        return respond(problem, HttpHeaders.EMPTY);
    }

    /**
     * The answer for a problem, its body written by {@link ProblemWriter}. The content type is set here, so that it
     * is {@code application/problem+json} whatever the request's {@code Accept} asked for.
     */
    public static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ProblemWriter.body(problem));
    }
}
