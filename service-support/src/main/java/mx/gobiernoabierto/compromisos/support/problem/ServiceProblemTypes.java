package mx.gobiernoabierto.compromisos.support.problem;

import java.util.Map;

/**
 * A service's own problem types by status, added over the shared ones of {@link ProblemTypes}: declare one as a bean.
 *
 * @param byStatus          the type name each of these statuses gets when nothing more specific is known
 * @param unavailableDetail what {@code 503 /problems/unavailable} tells this service's clients to do; null for the
 *                          shared words
 */
public record ServiceProblemTypes(Map<Integer, String> byStatus, String unavailableDetail) {

    public ServiceProblemTypes {
        byStatus = Map.copyOf(byStatus);
    }

    public ServiceProblemTypes(Map<Integer, String> byStatus) {
        this(byStatus, null);
    }
}
