package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;
import mx.gobiernoabierto.compromisos.support.kafka.TopicRetentionCheck;

class TopicRetentionIntegrationTest extends QueryIntegrationTest {

    @Autowired
    TopicRetentionCheck check;

    @Test
    void theEventTopicIsCreatedToKeepEveryRecordForEver() throws Exception {
        try (AdminClient admin = admin()) {
            Config config = describe(admin, TOPIC);

            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(config.get("retention.bytes").value()).isEqualTo("-1");
        }
        try (LogCapture log = new LogCapture(TopicRetentionCheck.class)) {
            assertThat(check.check(TOPIC)).isEmpty();
            assertThat(log.messages(Level.WARN)).isEmpty();
        }
    }

    @Test
    void theStartUpCheckWarnsAboutATopicThatKeepsSevenDays() throws Exception {
        String sevenDays = "compromisos.events.seven-days-" + UUID.randomUUID();
        try (AdminClient admin = admin()) {
            admin.createTopics(Set.of(new NewTopic(sevenDays, 1, (short) 1)
                    .configs(Map.of("retention.ms", "604800000")))).all().get();
        }

        try (LogCapture log = new LogCapture(TopicRetentionCheck.class)) {
            List<String> shortfalls = check.check(sevenDays);

            assertThat(shortfalls).containsExactly("retention.ms=604800000 (7 days)");
            assertThat(log.messages(Level.WARN)).singleElement().satisfies(line -> assertThat(line)
                    .contains(sevenDays, "does not keep its events for ever", "retention.ms=604800000 (7 days)",
                            "--add-config retention.ms=-1,retention.bytes=-1"));
        }
    }

    private static AdminClient admin() {
        return AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()));
    }

    private static Config describe(AdminClient admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(Set.of(resource)).all().get().get(resource);
    }
}
