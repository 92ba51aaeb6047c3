package mx.gobiernoabierto.compromisos.query.web;

/** The view did not reach the requested {@code minVersion} within the wait: {@code 503 projection-behind}. */
public class ProjectionBehindException extends RuntimeException {

    private final long currentVersion;

    public ProjectionBehindException(String commitmentId, long wanted, long currentVersion) {
        this(commitmentId, wanted, currentVersion, true);
    }

    /**
     * @param consumerAssigned whether the live consumer holds its partitions; if not (just started, or in a
     *                         rebalance) the detail says so, since no event is applied until it does
     */
    public ProjectionBehindException(String commitmentId, long wanted, long currentVersion, boolean consumerAssigned) {
        super("the view of commitment " + commitmentId + " is at version " + currentVersion + ", not yet " + wanted
                + (consumerAssigned ? "" : " (the event consumer has not been assigned its partitions yet: it is "
                + "starting or rebalancing)") + "; retry shortly");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
