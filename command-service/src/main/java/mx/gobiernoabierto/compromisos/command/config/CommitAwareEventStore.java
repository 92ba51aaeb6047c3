package mx.gobiernoabierto.compromisos.command.config;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import mx.gobiernoabierto.compromisos.support.transaction.OutermostCommit;

/**
 * Axon's embedded event store, waking its tracking processors (the Kafka publisher, the transparency log) once the
 * events are committed to the database. Axon wakes them in its unit of work's after-commit phase; under the
 * {@code Idempotency-Key} filter's transaction that comes before the database commit, the processors find nothing
 * new and sleep for their full poll interval (a second), and the event waits that long to be published.
 *
 * <p>The wake-ups of commits that come close together are gathered into one, {@code wakeUpDelay} after the first:
 * woken for every commit, each processor read, handled and recorded its position for one or two events at a time, a
 * database transaction each, which under load cost more than the commands themselves. Once awake, a processor reads
 * on as long as it finds events, so the delay is paid only by an event that finds the processors asleep. A delay of
 * zero wakes them at every commit.
 */
final class CommitAwareEventStore extends EmbeddedEventStore implements AutoCloseable {

    private final long wakeUpDelayNanos;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-store-waker");
        thread.setDaemon(true);
        return thread;
    });

    CommitAwareEventStore(Builder builder, Duration wakeUpDelay) {
        super(builder);
        this.wakeUpDelayNanos = wakeUpDelay.toNanos();
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        OutermostCommit.afterwards(() -> wake(events));
    }

    private void wake(List<? extends EventMessage<?>> events) {
        if (wakeUpDelayNanos <= 0) {
            super.afterCommit(events);
        } else if (wakeUpPending.compareAndSet(false, true)) {
            waker.schedule(() -> {
                wakeUpPending.set(false);
                super.afterCommit(events);
            }, wakeUpDelayNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() {
        waker.shutdownNow();
    }
}
