package mx.gobiernoabierto.compromisos.query.web;

/** The view did not reach the requested {@code minVersion} within the wait: {@code 503 projection-behind}. */
public class ProjectionBehindException extends RuntimeException {

    private final long currentVersion;

    public ProjectionBehindException(String commitmentId, long wanted, long currentVersion) {
        super("the view of commitment " + commitmentId + " is at version " + currentVersion + ", not yet " + wanted
                + "; retry shortly");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
