package mx.gobiernoabierto.compromisos.command.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import mx.gobiernoabierto.compromisos.command.domain.DomainRuleViolation;
import mx.gobiernoabierto.compromisos.command.domain.DuplicateCodeException;
import mx.gobiernoabierto.compromisos.command.domain.InvalidInputException;
import mx.gobiernoabierto.compromisos.command.domain.InvalidStateException;
import mx.gobiernoabierto.compromisos.command.domain.NotFoundException;
import mx.gobiernoabierto.compromisos.command.domain.VersionConflictException;
import mx.gobiernoabierto.compromisos.events.Identifiers;

import mx.gobiernoabierto.compromisos.support.problem.ProblemResponses;
import mx.gobiernoabierto.compromisos.support.problem.ProblemTypes;

/**
 * Turns every failure into an {@code application/problem+json} body of the contract's types. No stack trace,
 * class name or SQL reaches a client; unexpected failures are logged and answered with a plain 500 by the base class.
 */
@RestControllerAdvice
class ProblemHandler extends ProblemResponses {

    private static final Pattern COMMITMENT_PATH = Pattern.compile("/api/v1/commitments/(" + Identifiers.ID_PATTERN + ")(/.*)?");

    private final EventStore eventStore;

    ProblemHandler(EventStore eventStore, ProblemTypes types) {
        super(types);
        this.eventStore = eventStore;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException failure, HttpServletRequest request) {
        if (failure.getCause() instanceof DomainRuleViolation violation) {
            return ruleViolated(violation);
        }
        return unexpected(failure);
    }

    @ExceptionHandler(DomainRuleViolation.class)
    ResponseEntity<Object> ruleViolated(DomainRuleViolation violation) {
        ProblemDetail problem = switch (violation) {
            case InvalidInputException e -> ProblemTypes.validation(
                    List.of(new ProblemTypes.FieldError(e.field(), e.getMessage())), e.getMessage());
            case InvalidStateException e -> ProblemTypes.problem(HttpStatus.CONFLICT, CommandProblems.INVALID_STATE, e.getMessage());
            case NotFoundException e -> ProblemTypes.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, e.getMessage());
            case DuplicateCodeException e -> ProblemTypes.problem(HttpStatus.CONFLICT, CommandProblems.DUPLICATE_CODE, e.getMessage());
            case VersionConflictException e -> {
                ProblemDetail conflict = ProblemTypes.problem(HttpStatus.CONFLICT, CommandProblems.VERSION_CONFLICT, e.getMessage());
                conflict.setProperty("currentVersion", e.currentVersion());
                yield conflict;
            }
        };
        return problem(problem);
    }

    /** Another command on the same commitment committed first: the append of the same sequence failed. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> raced(ConcurrencyException failure, HttpServletRequest request) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.CONFLICT, CommandProblems.VERSION_CONFLICT,
                "the commitment was changed by another request at the same time; read it again and retry");
        Matcher path = COMMITMENT_PATH.matcher(request.getRequestURI());
        if (path.matches()) {
            eventStore.lastSequenceNumberFor(path.group(1)).ifPresent(v -> problem.setProperty("currentVersion", v));
        }
        return problem(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException failure) {
        return problem(ProblemTypes.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND,
                "no commitment or plan with id " + failure.getAggregateIdentifier()));
    }

    /**
     * A refusal of Spring Security's raised in a controller ({@code StlAccess}) goes back to the security filters,
     * which answer it as every other refusal is answered, counted and logged.
     */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    ResponseEntity<Object> refused(RuntimeException refusal) {
        throw refusal;
    }

    @Override
    protected String serverErrorDetail() {
        return "the request could not be completed; nothing was written";
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException failure,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<ProblemTypes.FieldError> errors = failure.getBindingResult().getFieldErrors().stream()
                .map(error -> new ProblemTypes.FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(ProblemTypes.FieldError::field))
                .toList();
        return problem(ProblemTypes.validation(errors, "the request has " + errors.size() + " invalid field(s)"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException failure,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        while (!(cause instanceof JacksonException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = path(databind);
            String message = describe(databind);
            return problem(ProblemTypes.validation(List.of(new ProblemTypes.FieldError(field, message)),
                    "invalid value for " + field));
        }
        String detail = cause instanceof JacksonException jackson && jackson.getOriginalMessage() != null
                ? "malformed JSON: " + firstLine(jackson.getOriginalMessage())
                : "the request body is missing or is not valid JSON";
        return problem(ProblemTypes.validation(List.of(), detail));
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return respond(problem);
    }

    private static String path(DatabindException failure) {
        StringBuilder out = new StringBuilder();
        for (var reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** What is wrong with a value, in words for the client, without Java class names. */
    private static String describe(DatabindException failure) {
        if (failure instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (failure instanceof StrictJsonConfig.UnsafeTextException) {
            return StrictJsonConfig.PLAIN_TEXT_RULE;
        }
        if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
            }
            if (target == java.time.LocalDate.class) {
                return "must be a date as YYYY-MM-DD";
            }
            if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
                return "must be a number" + (target == Integer.class || target == int.class ? " without a fraction" : "");
            }
            if (java.util.Collection.class.isAssignableFrom(target)) {
                return "must be an array";
            }
            if (target == String.class) {
                return "must be a string";
            }
            return "must be a JSON object";
        }
        return "invalid value";
    }

    /** The first line of a parser's message, without the name of the setting that set a limit. */
    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        String line = (end < 0 ? message : message.substring(0, end)).replaceAll(",? from `[^`]*`", "");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
