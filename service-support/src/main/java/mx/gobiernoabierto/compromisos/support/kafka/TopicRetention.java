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
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Whether a topic keeps its records for ever: the event topic must, for a reader starting afresh to see every event.
 * Each service checks it on start with its own words for what a deletion would cost it.
 */
public final class TopicRetention {

    /** The settings the event topic is created with: nothing is ever deleted. */
    public static final Map<String, String> KEEP_FOREVER = Map.of("retention.ms", "-1", "retention.bytes", "-1");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TopicRetention() {
    }

    /**
     * Reads the topic's configuration and logs, on the service's logger, a WARN naming every setting by which it
     * would delete records, what that would cost ({@code consequence}) and the command that fixes it.
     *
     * @return those settings, empty if the topic keeps everything (or could not be read, which is logged too)
     */
    public static List<String> check(KafkaAdmin admin, String topic, Logger log, String consequence) {
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
            log.warn("Could not read the configuration of the event topic {} to check that it keeps every event: {}",
                    topic, e.toString());
            return List.of();
        }
        List<String> shortfalls = shortfalls(config);
        if (!shortfalls.isEmpty()) {
            String fix = "retention.ms=-1,retention.bytes=-1"
                    + (config.getOrDefault("cleanup.policy", "delete").contains("compact") ? ",cleanup.policy=delete" : "");
            log.warn("The event topic {} does not keep its events for ever ({}): Kafka will delete them. {} Fix it with: "
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
