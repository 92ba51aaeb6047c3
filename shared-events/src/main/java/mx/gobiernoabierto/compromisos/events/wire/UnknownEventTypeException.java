package mx.gobiernoabierto.compromisos.events.wire;

/** Thrown for a wire {@code type} that names no event of this contract. */
public class UnknownEventTypeException extends IllegalArgumentException {
    public UnknownEventTypeException(String type) {
        super("unknown event type: " + type);
    }
}
