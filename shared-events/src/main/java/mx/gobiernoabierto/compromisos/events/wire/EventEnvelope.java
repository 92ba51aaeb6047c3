package mx.gobiernoabierto.compromisos.events.wire;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.chain.HashChain;

/**
 * One event as published on Kafka (keyed by {@code aggregateId}) and as kept by readers for audit.
 *
 * @param eventId       the event's unique id; the same event published twice carries the same id
 * @param type          the event's wire type, e.g. {@code MilestoneProgressLogged}
 * @param revision      the payload's schema revision, 1 or more
 * @param aggregateType {@code Plan} or {@code Commitment}
 * @param aggregateId   the plan's or commitment's id
 * @param sequence      the event's position in its aggregate's stream, from 0, without gaps
 * @param occurredAt    when it was appended, ISO-8601 UTC with exactly three fraction digits
 * @param actor         the stable identifier of who did it ({@code anonymous} before authentication exists)
 * @param correlationId the id tying the event to the request that caused it
 * @param prevHash      the {@code hash} of the previous event of the aggregate; 64 zeros for sequence 0
 * @param hash          SHA-256 over the chain fields, see {@link HashChain}
 * @param payload       the event's fields as a JSON object
 */
public record EventEnvelope(String eventId, String type, int revision, String aggregateType, String aggregateId,
                            long sequence, String occurredAt, String actor, String correlationId,
                            String prevHash, String hash, JsonNode payload) {

    /** The envelope of an event, its hash computed from {@code prevHash} and the other fields. */
    public static EventEnvelope of(String eventId, DomainEvent event, long sequence, Instant occurredAt,
                                   String actor, String correlationId, String prevHash) {
        JsonNode payload = EventJson.toTree(event);
        String type = EventTypes.typeOf(event.getClass());
        String at = HashChain.formatInstant(occurredAt);
        String hash = HashChain.hash(prevHash, event.aggregateId(), sequence, type, at, actor, payload);
        return new EventEnvelope(eventId, type, EventTypes.revisionOf(event.getClass()), event.aggregateType(),
                event.aggregateId(), sequence, at, actor, correlationId, prevHash, hash, payload);
    }

    /** {@code occurredAt} as an instant. */
    public Instant occurredAtInstant() {
        return Instant.parse(occurredAt);
    }

    /** The payload read as its event record. */
    public DomainEvent event() {
        return EventJson.fromTree(type, payload);
    }

    /** {@code true} if {@code hash} is what {@link HashChain} computes from the other fields. */
    public boolean hashMatches() {
        return HashChain.hash(prevHash, aggregateId, sequence, type, occurredAt, actor, payload).equals(hash);
    }

    /** The envelope as JSON text. */
    public String toJson() {
        return EventJson.mapper().writeValueAsString(this);
    }

    /** Reads an envelope from JSON text; throws a Jackson exception on malformed input. */
    public static EventEnvelope fromJson(String json) {
        return EventJson.mapper().readValue(json, EventEnvelope.class);
    }
}
