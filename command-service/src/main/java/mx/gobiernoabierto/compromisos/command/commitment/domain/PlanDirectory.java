package mx.gobiernoabierto.compromisos.command.commitment.domain;

import java.util.Optional;

/** The plans a commitment can be drafted in; read in the transaction of the command. */
public interface PlanDirectory {

    /** The STL owning the plan, if the plan exists. */
    Optional<String> stlOf(String planId);
}
