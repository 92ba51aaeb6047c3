package mx.gobiernoabierto.compromisos.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;
import mx.gobiernoabierto.compromisos.support.kafka.TopicRetentionCheck;

class TopicRetentionIntegrationTest extends IntegrationTest {

    @Autowired
    TopicRetentionCheck check;

    @Test
    void theEventTopicIsCreatedToKeepEveryRecordForEver() throws Exception {
        try (AdminClient admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);

            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(config.get("retention.bytes").value()).isEqualTo("-1");
        }
        assertThat(check.check(TOPIC)).isEmpty();
    }

    @Test
    void theStartUpCheckWarnsAboutATopicThatKeepsSevenDays() throws Exception {
        String sevenDays = "compromisos.events.seven-days-" + UUID.randomUUID();
        try (AdminClient admin = admin()) {
            admin.createTopics(Set.of(new NewTopic(sevenDays, 1, (short) 1)
                    .configs(Map.of("retention.ms", "604800000")))).all().get();
        }
        Logger logger = (Logger) LoggerFactory.getLogger(TopicRetentionCheck.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        List<String> shortfalls;
        try {
            shortfalls = check.check(sevenDays);
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(shortfalls).containsExactly("retention.ms=604800000 (7 days)");
        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains(sevenDays, "does not keep its events for ever",
                    "retention.ms=604800000 (7 days)", "--add-config retention.ms=-1,retention.bytes=-1");
        });
    }

    private static AdminClient admin() {
        return AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()));
    }
}
