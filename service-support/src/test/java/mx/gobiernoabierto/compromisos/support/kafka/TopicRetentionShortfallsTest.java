package mx.gobiernoabierto.compromisos.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TopicRetentionShortfallsTest {

    @Test
    void aTopicThatKeepsEverythingHasNoShortfall() {
        assertThat(TopicRetentionCheck.shortfalls(Map.of("retention.ms", "-1", "retention.bytes", "-1",
                "cleanup.policy", "delete"))).isEmpty();
    }

    @Test
    void kafkasDefaultOfSevenDaysIsAShortfall() {
        assertThat(TopicRetentionCheck.shortfalls(Map.of("retention.ms", "604800000", "retention.bytes", "-1")))
                .containsExactly("retention.ms=604800000 (7 days)");
    }

    @Test
    void aSizeLimitIsAShortfall() {
        assertThat(TopicRetentionCheck.shortfalls(Map.of("retention.ms", "-1", "retention.bytes", "1073741824")))
                .containsExactly("retention.bytes=1073741824");
    }

    @Test
    void compactionIsAShortfallBecauseItKeepsOnlyTheLatestEventOfEachAggregate() {
        assertThat(TopicRetentionCheck.shortfalls(Map.of("retention.ms", "-1", "retention.bytes", "-1",
                "cleanup.policy", "compact,delete"))).containsExactly("cleanup.policy=compact,delete");
    }
}
