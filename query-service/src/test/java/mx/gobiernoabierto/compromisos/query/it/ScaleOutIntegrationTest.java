package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;
import mx.gobiernoabierto.compromisos.query.QueryServiceApplication;

class ScaleOutIntegrationTest extends QueryIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void twoInstancesShareTheTopicAndARebalanceLosesAndDoublesNothing() {
        String database = jdbc.sql("SELECT current_database()").query(String.class).single();
        ConfigurableApplicationContext second = new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties(QueryServiceApplication.CONFIG_NAME)
                .run("--server.port=0",
                        "--spring.datasource.url=" + TestInfrastructure.postgres().withDatabase(database).jdbcUrl(),
                        "--spring.datasource.username=" + TestInfrastructure.postgres().username(),
                        "--spring.datasource.password=" + TestInfrastructure.postgres().password(),
                        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                        "--compromisos.query.topic=" + TOPIC, "--compromisos.query.dead-letter-topic=" + DEAD_LETTERS);
        MeterRegistry secondMeters = second.getBean(MeterRegistry.class);
        var secondListener = second.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("projections");
        var firstListener = listeners.getListenerContainer("projections");
        await().atMost(Duration.ofSeconds(60)).until(() -> !secondListener.getAssignedPartitions().isEmpty()
                && firstListener.getAssignedPartitions().size() < 6);
        double appliedBefore = applied(meters) + applied(secondMeters);
        List<Streams.Story> stories = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Streams.Story story = Streams.Story.create();
            stories.add(story);
            Streams.chain(Instant.parse("2024-09-01T15:00:00.000Z"), story.events().toArray(DomainEvent[]::new))
                    .forEach(QueryIntegrationTest::publish);
            if (i == 11) {
                await().atMost(Duration.ofSeconds(30)).until(() -> applied(secondMeters) > 0);
                second.close(); // its partitions move to the first instance mid-stream
            }
        }
        double appliedBySecond = applied(secondMeters);

        await().atMost(Duration.ofSeconds(60)).until(() -> stories.stream().allMatch(story ->
                jdbc.sql("SELECT count(*) FROM commitment_view WHERE commitment_id = ? AND version = 9")
                        .param(story.commitmentId()).query(Long.class).single() == 1));

        double applied = applied(meters) + appliedBySecond - appliedBefore;
        assertThat(applied).as("events applied across both instances: each of the 240 exactly once").isEqualTo(240);
        assertThat(appliedBySecond).as("the second instance took part").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM held_event").query(Long.class).single()).isZero();
    }

    private static double applied(MeterRegistry registry) {
        var counter = registry.find("compromisos.projection.events").tag("outcome", "applied").counter();
        return counter == null ? 0 : counter.count();
    }
}
