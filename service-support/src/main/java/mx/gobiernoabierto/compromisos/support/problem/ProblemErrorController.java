package mx.gobiernoabierto.compromisos.support.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to {@code /error} (a failure outside Spring MVC's handlers) is answered as a
 * problem too, with its status only: never an exception, a message or a stack trace (a database out of reach is
 * {@code 503 /problems/unavailable}).
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final ProblemTypes types;

    ProblemErrorController(ProblemTypes types) {
        this.types = types;
    }

    @RequestMapping(value = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<Object> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseUnavailable.is(failure)) {
            return ProblemResponses.respond(types.unavailable(), DatabaseUnavailable.headers());
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null && value >= 400
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        return ProblemResponses.respond(types.forStatus(status, status.is5xxServerError()
                ? "the request could not be completed" : status.getReasonPhrase()));
    }
}
