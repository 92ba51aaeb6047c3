package mx.gobiernoabierto.compromisos.verifier;

/** An input could not be read; the message says why, in Spanish. */
final class SourceException extends RuntimeException {
    SourceException(String message) {
        super(message);
    }
}
