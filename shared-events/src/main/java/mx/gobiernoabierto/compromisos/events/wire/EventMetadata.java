package mx.gobiernoabierto.compromisos.events.wire;

/**
 * The metadata keys under which the command side keeps, with each stored event, the {@link EventEnvelope} fields
 * that are not in the payload. The event store holds them as written here; changing one orphans what is stored.
 */
public final class EventMetadata {

    /** The stable identifier of who caused the event: {@link EventEnvelope#actor()}. */
    public static final String ACTOR = "actor";
    /** The id tying the event to the request that caused it: {@link EventEnvelope#correlationId()}. */
    public static final String CORRELATION_ID = "correlationId";
    /** The hash of the previous event of the aggregate: {@link EventEnvelope#prevHash()}. */
    public static final String PREV_HASH = "prevHash";
    /** The event's own link of the chain: {@link EventEnvelope#hash()}. */
    public static final String HASH = "hash";

    private EventMetadata() {
    }
}
