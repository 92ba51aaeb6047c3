package mx.gobiernoabierto.compromisos.command.config;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import mx.gobiernoabierto.compromisos.support.transaction.OutermostCommit;

/**
 * Axon's embedded event store, waking its tracking processors (the Kafka publisher, the transparency log) once the
 * events are committed to the database. Axon wakes them in its unit of work's after-commit phase; under the
 * {@code Idempotency-Key} filter's transaction that comes before the database commit, the processors find nothing
 * new and sleep for their full poll interval (a second), and the event waits that long to be published.
 */
final class CommitAwareEventStore extends EmbeddedEventStore {

    CommitAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        OutermostCommit.afterwards(() -> super.afterCommit(events));
    }
}
