package mx.gobiernoabierto.compromisos.command.domain;

/** The lifecycle forbids the command now, e.g. logging progress on a commitment in {@code DRAFT}. */
public final class InvalidStateException extends DomainRuleViolation {
    public InvalidStateException(String message) {
        super(message);
    }
}
