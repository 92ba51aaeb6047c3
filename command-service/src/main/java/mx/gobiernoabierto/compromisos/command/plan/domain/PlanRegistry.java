package mx.gobiernoabierto.compromisos.command.plan.domain;

/** Records a registered plan where commitments can find it, in the same transaction as its first event. */
public interface PlanRegistry {

    void register(String planId, String stlId);
}
