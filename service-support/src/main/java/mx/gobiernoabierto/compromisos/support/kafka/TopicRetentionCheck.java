package mx.gobiernoabierto.compromisos.support.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Checks on start that the event topic keeps its records for ever, and warns loudly when it does not: a reader that
 * starts afresh, or is stopped for longer than the retention, would never see what Kafka deleted meanwhile. It warns
 * rather than refusing to start: a topic created by an older version is not broken yet, and stopping a service would
 * turn a configuration to fix into an outage. A service gets one by declaring its {@link EventTopic}, with its own
 * words for what a deletion would cost it.
 */
public class TopicRetentionCheck {

    /** The settings the event topic is created with: nothing is ever deleted. */
    public static final Map<String, String> KEEP_FOREVER = Map.of("retention.ms", "-1", "retention.bytes", "-1");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(TopicRetentionCheck.class);

    private final KafkaAdmin admin;
    private final String topic;
    private final String consequence;

    /**
     * @param topic       the event topic the service reads or writes
     * @param consequence one sentence: what a deletion would cost this service
     */
    public TopicRetentionCheck(KafkaAdmin admin, String topic, String consequence) {
        this.admin = admin;
        this.topic = topic;
        this.consequence = consequence;
    }

    /** Off the start-up path: an unreachable broker must not delay readiness by the check's timeout. */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        Thread.ofVirtual().name("topic-retention-check").start(() -> check(topic));
    }

    /**
     * Reads the topic's configuration and logs a WARN naming every setting by which it would delete records, what
     * that would cost this service and the command that fixes it.
     *
     * @return those settings, empty if the topic keeps everything (or could not be read, which is logged too)
     */
    public List<String> check(String topic) {
        Map<String, String> config;
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config described = client.describeConfigs(Set.of(resource)).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
            config = new HashMap<>();
            for (ConfigEntry entry : described.entries()) {
                if (entry.value() != null) {
                    config.put(entry.name(), entry.value());
                }
            }
        } catch (Exception e) {
            LOG.warn("Could not read the configuration of the event topic {} to check that it keeps every event: {}",
                    topic, e.toString());
            return List.of();
        }
        List<String> shortfalls = shortfalls(config);
        if (!shortfalls.isEmpty()) {
            String fix = "retention.ms=-1,retention.bytes=-1"
                    + (config.getOrDefault("cleanup.policy", "delete").contains("compact") ? ",cleanup.policy=delete" : "");
            LOG.warn("The event topic {} does not keep its events for ever ({}): Kafka will delete them. {} Fix it with: "
                    + "kafka-configs.sh --alter --entity-type topics --entity-name {} --add-config {}",
                    topic, String.join(", ", shortfalls), consequence, topic, fix);
        }
        return shortfalls;
    }

    /** The settings of a topic's configuration by which Kafka would delete records of it. */
    public static List<String> shortfalls(Map<String, String> config) {
        List<String> shortfalls = new ArrayList<>();
        String ms = config.getOrDefault("retention.ms", "604800000");
        if (Long.parseLong(ms) >= 0) {
            Duration kept = Duration.ofMillis(Long.parseLong(ms));
            shortfalls.add("retention.ms=" + ms + " (" + (kept.toDays() > 0 ? kept.toDays() + " days" : kept.toHours() + " hours") + ")");
        }
        String bytes = config.getOrDefault("retention.bytes", "-1");
        if (Long.parseLong(bytes) >= 0) {
            shortfalls.add("retention.bytes=" + bytes);
        }
        // compaction keeps only the latest record of each key, and events are keyed by aggregate
        String policy = config.getOrDefault("cleanup.policy", "delete");
        if (policy.contains("compact")) {
            shortfalls.add("cleanup.policy=" + policy);
        }
        return shortfalls;
    }
}
