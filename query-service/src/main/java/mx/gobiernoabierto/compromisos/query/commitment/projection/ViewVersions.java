package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Read-your-writes without polling: a read that asks for a version of a commitment its view has not reached waits to
 * be told, right after the live consumer's transaction commits, that the view has reached it. The view is read once
 * before waiting, and again every {@link #RECHECK} while waiting, because this instance's consumer is told only of
 * its own partitions: with several instances the commitment's events may be applied by another one.
 */
@Component
public class ViewVersions {

    /** How often a waiting read looks at the view itself, for what another instance applied. */
    public static final Duration RECHECK = Duration.ofMillis(100);

    private final ViewStore store;
    private final Map<String, Set<Waiter>> waiting = new ConcurrentHashMap<>();

    ViewVersions(ViewStore store) {
        this.store = store;
    }

    /**
     * Waits until the live view of the commitment reaches the version, or the wait is over.
     *
     * @return the version the view was found at: at least {@code minVersion} unless the wait ran out (-1 if the
     *         commitment has no view)
     */
    public long await(String commitmentId, long minVersion, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Waiter waiter = new Waiter(minVersion);
        // registered before the view is read: a commit after the read notifies it, one before it is read
        waiting.computeIfAbsent(commitmentId, id -> ConcurrentHashMap.newKeySet()).add(waiter);
        try {
            long version = store.version(ViewTables.LIVE, commitmentId);
            while (version < minVersion) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return version;
                }
                version = waiter.await(Math.min(left, RECHECK.toNanos()))
                        ? waiter.reached : store.version(ViewTables.LIVE, commitmentId);
            }
            return version;
        } finally {
            waiting.computeIfPresent(commitmentId, (id, waiters) -> {
                waiters.remove(waiter);
                return waiters.isEmpty() ? null : waiters;
            });
        }
    }

    /** The live views of these commitments reached these versions; called once they are committed. */
    void reached(Map<String, Long> versions) {
        if (waiting.isEmpty()) {
            return;
        }
        versions.forEach((commitmentId, version) -> {
            Set<Waiter> waiters = waiting.get(commitmentId);
            if (waiters != null) {
                waiters.forEach(waiter -> waiter.reached(version));
            }
        });
    }

    private static final class Waiter {
        private final long minVersion;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile long reached = -1;

        Waiter(long minVersion) {
            this.minVersion = minVersion;
        }

        void reached(long version) {
            if (version >= minVersion) {
                reached = version;
                done.countDown();
            }
        }

        boolean await(long nanos) throws InterruptedException {
            return done.await(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
