package mx.gobiernoabierto.compromisos.query.commitment.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import mx.gobiernoabierto.compromisos.query.web.ProjectionBehindException;

class ConsumerAssignmentTest {

    private final ConsumerAssignment assignment = new ConsumerAssignment();
    private final ConsumerAssignment.Health health = new ConsumerAssignment.Health(assignment);

    @Test
    void notReadyUntilTheConsumerHoldsItsPartitions() {
        assertThat(assignment.assigned()).isFalse();
        assertThat(health.health().getStatus()).isEqualTo(ConsumerAssignment.UNASSIGNED);

        assignment.onPartitionsAssigned(null, List.of(new TopicPartition("events", 0), new TopicPartition("events", 1)));

        assertThat(assignment.assigned()).isTrue();
        Health up = health.health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails().get("partitions")).isEqualTo(List.of("events-0", "events-1"));
    }

    @Test
    void anInstanceBeyondThePartitionCountIsReadyWithNone() {
        assignment.onPartitionsAssigned(null, List.of());

        assertThat(assignment.assigned()).isTrue();
    }

    @Test
    void losingEveryPartitionInARebalanceMakesItUnassignedAgain() {
        assignment.onPartitionsAssigned(null, List.of(new TopicPartition("events", 0)));
        assignment.onPartitionsRevokedBeforeCommit(null, List.of(new TopicPartition("events", 0)));

        assertThat(assignment.assigned()).isFalse();
    }

    @Test
    void aMinVersionTimeoutSaysWhenTheConsumerIsNotAssigned() {
        assertThat(new ProjectionBehindException("c-1", 8, 7, false).getMessage())
                .contains("not yet 8", "has not been assigned its partitions yet");
        assertThat(new ProjectionBehindException("c-1", 8, 7, true).getMessage()).doesNotContain("assigned");
    }
}
