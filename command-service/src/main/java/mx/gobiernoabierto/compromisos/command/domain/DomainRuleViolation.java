package mx.gobiernoabierto.compromisos.command.domain;

/**
 * A command broke a rule of the domain: it is rejected and no event is recorded. Each subtype maps to one
 * problem type of the HTTP contract.
 */
public abstract sealed class DomainRuleViolation extends RuntimeException
        permits InvalidInputException, InvalidStateException, NotFoundException, DuplicateCodeException,
        VersionConflictException {

    protected DomainRuleViolation(String message) {
        super(message, null, false, false);
    }
}
