package mx.gobiernoabierto.compromisos.support.problem;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds every problem body of both services from a {@link ProblemDetail}: the controller advice's answers (through
 * {@link ProblemResponses}), the error controller's, the filters' and security's (which no advice reaches) and
 * Tomcat's own. The rules of the contract's body live here once: the members in the contract's order, and a
 * {@code 400} always carries {@code errors} (empty when no field is to blame).
 */
public final class ProblemWriter {

    static final String ERRORS = "errors";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemWriter() {
    }

    /** The body of a problem as the contract writes it. */
    public static Map<String, Object> body(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle() != null ? problem.getTitle() : ProblemTypes.title(problem.getStatus()));
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        if (problem.getStatus() == 400) {
            body.putIfAbsent(ERRORS, List.of());
        }
        return body;
    }

    /** The body as JSON text. */
    public static String json(ProblemDetail problem) {
        return JSON.writeValueAsString(body(problem));
    }

    /** Writes a problem as the whole answer, from where no controller advice reaches (filters, security). */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(body(problem)));
    }
}
