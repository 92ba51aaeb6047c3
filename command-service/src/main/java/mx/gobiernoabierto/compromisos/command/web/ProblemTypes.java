package mx.gobiernoabierto.compromisos.command.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The problem types of the HTTP contract; each type URI ends with the name the contract gives. */
public final class ProblemTypes {

    public static final String VALIDATION = "validation";
    public static final String NOT_FOUND = "not-found";
    public static final String INVALID_STATE = "invalid-state";
    public static final String VERSION_CONFLICT = "version-conflict";
    public static final String DUPLICATE_CODE = "duplicate-code";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String IDEMPOTENCY_KEY_REUSE = "idempotency-key-reuse";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";

    private static final Map<Integer, String> BY_STATUS = Map.of(
            400, VALIDATION, 401, UNAUTHORIZED, 403, FORBIDDEN, 404, NOT_FOUND, 405, "method-not-allowed",
            406, "not-acceptable", 409, INVALID_STATE, 413, PAYLOAD_TOO_LARGE, 415, "unsupported-media-type",
            422, IDEMPOTENCY_KEY_REUSE);

    private ProblemTypes() {
    }

    public static URI uri(String name) {
        return URI.create("/problems/" + name);
    }

    public static ProblemDetail problem(HttpStatusCode status, String name, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri(name));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        return problem;
    }

    /** The type a status gets when nothing more specific is known. */
    public static String forStatus(int status) {
        return BY_STATUS.getOrDefault(status, status >= 500 ? "internal" : "bad-request");
    }

    public static ProblemDetail validation(List<FieldError> errors, String detail) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, VALIDATION, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** One entry of a validation problem's {@code errors}. */
    public record FieldError(String field, String message) {
    }
}
