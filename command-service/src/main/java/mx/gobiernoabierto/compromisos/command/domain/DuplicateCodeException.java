package mx.gobiernoabierto.compromisos.command.domain;

/** The commitment code is already used in the plan. */
public final class DuplicateCodeException extends DomainRuleViolation {
    public DuplicateCodeException(String planId, String code) {
        super("commitment code " + code + " is already used in plan " + planId);
    }
}
