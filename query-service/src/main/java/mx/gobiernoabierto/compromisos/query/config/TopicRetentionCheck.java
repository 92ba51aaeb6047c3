package mx.gobiernoabierto.compromisos.query.config;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.support.kafka.TopicRetention;

/**
 * Checks on start that the event topic keeps its records for ever, and warns loudly when it does not. The query
 * service no longer needs the topic's history (it rebuilds from its own archive), but a new instance with an empty
 * database, or one down for longer than the retention, would miss whatever Kafka deleted meanwhile. It warns rather
 * than refusing to start: a topic created by an older version is not broken yet, and stopping the read side would
 * turn a configuration to fix into an outage.
 */
@Component
public class TopicRetentionCheck {

    private static final Logger LOG = LoggerFactory.getLogger(TopicRetentionCheck.class);
    private static final String CONSEQUENCE = "The views are rebuilt from this service's archive, but an instance with a new "
            + "database, or one stopped for longer than that, would miss what was deleted.";

    /** The settings the event topic is created with: nothing is ever deleted. */
    public static final Map<String, String> KEEP_FOREVER = TopicRetention.KEEP_FOREVER;

    private final KafkaAdmin admin;
    private final QueryProperties properties;

    TopicRetentionCheck(KafkaAdmin admin, QueryProperties properties) {
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
