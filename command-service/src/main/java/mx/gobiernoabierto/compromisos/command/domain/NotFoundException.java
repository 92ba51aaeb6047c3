package mx.gobiernoabierto.compromisos.command.domain;

/** The command names a plan, commitment, milestone, indicator or measurement that does not exist. */
public final class NotFoundException extends DomainRuleViolation {

    public NotFoundException(String what, String id) {
        super("no " + what + " with id " + id);
    }
}
