package mx.gobiernoabierto.compromisos.events;

/** The events of a Local Action Plan's stream. */
public sealed interface PlanEvent extends DomainEvent permits PlanRegistered {

    /** The plan's id, a UUID string. */
    String planId();

    @Override
    default String aggregateId() {
        return planId();
    }

    @Override
    default String aggregateType() {
        return "Plan";
    }
}
