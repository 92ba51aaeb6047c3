package mx.gobiernoabierto.compromisos.events.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import mx.gobiernoabierto.compromisos.events.DomainEvent;

/**
 * The one JSON form of events, used to store them, to hash them and to publish them.
 *
 * <p>Dates are {@code YYYY-MM-DD}; decimals are JSON numbers written in plain notation and read as
 * {@link java.math.BigDecimal}; absent optional fields are left out rather than written as {@code null}, so
 * that a nullable component added in a later version leaves the JSON (and so the hash) of older events as it
 * was. Readers ignore fields they do not know.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private EventJson() {
    }

    /**
     * Applies this contract's settings to a mapper builder, for code (such as an event store serializer) that
     * builds its own mapper but must write events exactly as this class does.
     */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .changeDefaultPropertyInclusion(inclusion -> inclusion
                        .withValueInclusion(JsonInclude.Include.NON_NULL)
                        .withContentInclusion(JsonInclude.Include.NON_NULL))
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /** The mapper configured as described above; thread-safe and shared. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** The event's payload as a JSON object: its record components by name. */
    public static ObjectNode toTree(DomainEvent event) {
        return MAPPER.valueToTree(event);
    }

    /** Reads a payload of the given wire {@code type}; throws {@link UnknownEventTypeException} for an unknown type. */
    public static DomainEvent fromTree(String type, JsonNode payload) {
        return MAPPER.treeToValue(payload, EventTypes.classOf(type));
    }

    /** The event as compact JSON text, as it is stored. */
    public static String write(DomainEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    /** Parses JSON text into a tree, numbers with a fraction as {@link java.math.BigDecimal}. */
    public static JsonNode readTree(String json) {
        return MAPPER.readTree(json);
    }
}
