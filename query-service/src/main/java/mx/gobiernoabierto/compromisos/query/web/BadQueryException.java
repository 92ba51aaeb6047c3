package mx.gobiernoabierto.compromisos.query.web;

/** A query parameter that cannot be understood: {@code 400} with the parameter named. */
public class BadQueryException extends RuntimeException {

    private final String field;

    public BadQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
