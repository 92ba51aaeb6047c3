package mx.gobiernoabierto.compromisos.support.problem;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The problem types of the HTTP contract ({@code /problems/<name>}) and the type a status gets when nothing more
 * specific is known. The types every service shares are here; a service adds its own statuses with a
 * {@link ServiceProblemTypes} bean (the command service's 409 is {@code invalid-state}, the query service's 503
 * {@code projection-behind}), so the two services cannot drift on the shared ones.
 */
public final class ProblemTypes {

    public static final String VALIDATION = "validation";
    public static final String NOT_FOUND = "not-found";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String INTERNAL = "internal";

    /** What every service answers for these statuses unless it says more. */
    static final Map<Integer, String> SHARED = Map.of(400, VALIDATION, 401, UNAUTHORIZED, 403, FORBIDDEN,
            404, NOT_FOUND, 405, "method-not-allowed", 406, "not-acceptable", 413, PAYLOAD_TOO_LARGE,
            415, "unsupported-media-type");

    private final Map<Integer, String> byStatus;
    private final String unavailableDetail;

    /** The shared types and, over them, each service's own. */
    public ProblemTypes(List<ServiceProblemTypes> services) {
        Map<Integer, String> types = new HashMap<>(SHARED);
        services.forEach(service -> types.putAll(service.byStatus()));
        this.byStatus = Map.copyOf(types);
        this.unavailableDetail = services.stream().map(ServiceProblemTypes::unavailableDetail)
                .filter(java.util.Objects::nonNull).reduce((first, later) -> later).orElse(DatabaseUnavailable.DETAIL);
    }

    /** The shared types only. */
    public static ProblemTypes shared() {
        return new ProblemTypes(List.of());
    }

    /** The type name a status gets when nothing more specific is known. */
    public String forStatus(int status) {
        return byStatus.getOrDefault(status, status >= 500 ? INTERNAL : "bad-request");
    }

    /** A problem of the type its status gets. */
    public ProblemDetail forStatus(HttpStatusCode status, String detail) {
        return problem(status, forStatus(status.value()), detail);
    }

    /** {@code 503 /problems/unavailable}: the database cannot be reached (send it with {@link DatabaseUnavailable#headers()}). */
    public ProblemDetail unavailable() {
        return DatabaseUnavailable.problem(unavailableDetail);
    }

    public static URI uri(String name) {
        return URI.create("/problems/" + name);
    }

    /** A problem of the named type, titled with the status's reason phrase. */
    public static ProblemDetail problem(HttpStatusCode status, String name, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri(name));
        problem.setTitle(title(status.value()));
        return problem;
    }

    public static ProblemDetail validation(List<FieldError> errors, String detail) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, VALIDATION, detail);
        problem.setProperty(ProblemWriter.ERRORS, errors);
        return problem;
    }

    static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    /** One entry of a validation problem's {@code errors}. */
    public record FieldError(String field, String message) {
    }
}
