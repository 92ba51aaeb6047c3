package mx.gobiernoabierto.compromisos.command.publishing;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.support.kafka.TopicRetention;

import mx.gobiernoabierto.compromisos.command.config.CompromisosProperties;

/**
 * Checks on start that the event topic this service publishes to keeps its records for ever, and warns loudly when
 * it does not: a reader that starts afresh, or is stopped for longer than the retention, would never see what Kafka
 * deleted meanwhile. It warns rather than refusing to start: the event store still holds every event, and refusing
 * commands would turn a configuration to fix into an outage. (The query service checks the same on its side.)
 */
@Component
public class TopicRetentionCheck {

    private static final Logger LOG = LoggerFactory.getLogger(TopicRetentionCheck.class);
    private static final String CONSEQUENCE = "The event store keeps them, but a reader starting afresh, or stopped "
            + "for longer than that, would never see what was deleted.";

    /** The settings the event topic is created with: nothing is ever deleted. */
    public static final Map<String, String> KEEP_FOREVER = TopicRetention.KEEP_FOREVER;

    private final KafkaAdmin admin;
    private final CompromisosProperties properties;

    TopicRetentionCheck(KafkaAdmin admin, CompromisosProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    /** Off the start-up path: an unreachable broker must not delay readiness by the check's timeout. */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        Thread.ofVirtual().name("topic-retention-check").start(() -> check(properties.topic()));
    }

    /**
     * Reads the topic's configuration and logs a WARN naming every setting by which it would delete events.
     *
     * @return those settings, empty if the topic keeps everything (or could not be read, which is logged too)
     */
    public List<String> check(String topic) {
        return TopicRetention.check(admin, topic, LOG, CONSEQUENCE);
    }
}
