package mx.gobiernoabierto.compromisos.support.problem;

import java.util.Map;

/**
 * A service's own problem types by status, added over the shared ones of {@link ProblemTypes}: declare one as a bean.
 *
 * @param byStatus the type name each of these statuses gets when nothing more specific is known
 */
public record ServiceProblemTypes(Map<Integer, String> byStatus) {

    public ServiceProblemTypes {
        byStatus = Map.copyOf(byStatus);
    }
}
