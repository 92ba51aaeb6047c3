package mx.gobiernoabierto.compromisos.events.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.EventRevision;

/**
 * The registry of event types: the wire {@code type} of an event is the simple name of its record, and its
 * {@code revision} comes from {@link EventRevision}. Built from the sealed hierarchy of {@link DomainEvent}, so
 * a new event is registered by being permitted there.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends DomainEvent>> BY_NAME = collect();

    private EventTypes() {
    }

    /** Every event type by wire name, in declaration order. */
    public static Map<String, Class<? extends DomainEvent>> all() {
        return BY_NAME;
    }

    /** The record class for a wire type. */
    public static Optional<Class<? extends DomainEvent>> find(String type) {
        return Optional.ofNullable(BY_NAME.get(type));
    }

    /** The record class for a wire type; throws {@link UnknownEventTypeException} if none. */
    public static Class<? extends DomainEvent> classOf(String type) {
        return find(type).orElseThrow(() -> new UnknownEventTypeException(type));
    }

    /** The wire type of an event class: its simple name. */
    public static String typeOf(Class<?> eventClass) {
        return eventClass.getSimpleName();
    }

    /** The payload revision of an event class, 1 or more. */
    public static int revisionOf(Class<?> eventClass) {
        EventRevision revision = eventClass.getAnnotation(EventRevision.class);
        if (revision == null) {
            throw new IllegalStateException(eventClass.getName() + " has no @EventRevision");
        }
        return revision.value();
    }

    private static Map<String, Class<? extends DomainEvent>> collect() {
        Map<String, Class<? extends DomainEvent>> byName = new LinkedHashMap<>();
        collect(DomainEvent.class, byName);
        return Collections.unmodifiableMap(byName);
    }

    @SuppressWarnings("unchecked")
    private static void collect(Class<?> type, Map<String, Class<? extends DomainEvent>> byName) {
        if (type.isRecord()) {
            byName.put(typeOf(type), (Class<? extends DomainEvent>) type);
            return;
        }
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            collect(permitted, byName);
        }
    }
}
