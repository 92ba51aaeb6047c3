package mx.gobiernoabierto.compromisos.command.domain;

/** A field of the command is not acceptable, whatever the state: a date in the future, a bad SDG code. */
public final class InvalidInputException extends DomainRuleViolation {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, as named in the HTTP contract. */
    public String field() {
        return field;
    }
}
