package mx.gobiernoabierto.compromisos.command.domain;

/** The client expected another version of the commitment than the current one. */
public final class VersionConflictException extends DomainRuleViolation {

    private final long currentVersion;

    public VersionConflictException(long expectedVersion, long currentVersion) {
        super("expected version " + expectedVersion + " but the current version is " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
