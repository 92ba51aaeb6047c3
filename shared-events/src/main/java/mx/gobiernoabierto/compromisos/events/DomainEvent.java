package mx.gobiernoabierto.compromisos.events;

/**
 * Every event of the product: the facts of plans and of commitments. The Java simple name of each record is
 * its wire {@code type}; its components are its payload.
 */
public sealed interface DomainEvent permits PlanEvent, CommitmentEvent {

    /** The id of the aggregate (plan or commitment) whose stream the event belongs to. */
    String aggregateId();

    /** The aggregate type on the wire: {@code Plan} or {@code Commitment}. */
    String aggregateType();
}
