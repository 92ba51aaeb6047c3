package mx.gobiernoabierto.compromisos.query.commitment.projection;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Which partitions of the event topic the live consumer holds. Spring Boot gives this rebalance listener to the
 * listener containers. Until the consumer has joined its group once, nothing this instance writes to the views can
 * answer a {@code minVersion} read, so readiness waits for it ({@code projectionConsumer} in the health), and
 * a {@code minVersion} 503 says so.
 */
@Component
public class ConsumerAssignment implements ConsumerAwareRebalanceListener {

    /** The health status of a consumer that does not hold its partitions (yet): not ready, but not unhealthy. */
    static final org.springframework.boot.health.contributor.Status UNASSIGNED =
            new org.springframework.boot.health.contributor.Status("UNASSIGNED");

    private final Set<TopicPartition> partitions = new HashSet<>();
    private boolean joined;

    /**
     * Whether the consumer holds its partitions now (it joined its group and is not in a rebalance).
     *
     * @return true once partitions are assigned (an instance beyond the partition count holds none and is joined)
     */
    public synchronized boolean assigned() {
        return joined;
    }

    /** The partitions held now, as {@code topic-partition}. */
    synchronized List<String> partitions() {
        return partitions.stream().map(TopicPartition::toString).sorted().toList();
    }

    @Override
    public synchronized void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> assigned) {
        partitions.addAll(assigned);
        joined = true;
    }

    @Override
    public synchronized void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
        partitions.removeAll(revoked);
        if (partitions.isEmpty()) {
            joined = false;
        }
    }

    @Override
    public synchronized void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> lost) {
        partitions.removeAll(lost);
        if (partitions.isEmpty()) {
            joined = false;
        }
    }

    /** {@code projectionConsumer} in the health and in readiness: up once the live consumer holds its partitions. */
    @Component("projectionConsumer")
    static class Health extends AbstractHealthIndicator {

        private final ConsumerAssignment assignment;

        Health(ConsumerAssignment assignment) {
            super("projection consumer check failed");
            this.assignment = assignment;
        }

        @Override
        protected void doHealthCheck(org.springframework.boot.health.contributor.Health.Builder builder) {
            if (assignment.assigned()) {
                builder.up().withDetail("partitions", assignment.partitions());
            } else {
                // a status of its own: readiness maps it to 503, the overall health ranks it below UP
                builder.status(UNASSIGNED).withDetail("reason", "the consumer has not been assigned its partitions yet");
            }
        }
    }
}
