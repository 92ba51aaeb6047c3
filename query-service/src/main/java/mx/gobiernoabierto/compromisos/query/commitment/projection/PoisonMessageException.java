package mx.gobiernoabierto.compromisos.query.commitment.projection;

/** A record that can never be applied (unreadable JSON, an unknown type): it goes to the dead-letter topic. */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
