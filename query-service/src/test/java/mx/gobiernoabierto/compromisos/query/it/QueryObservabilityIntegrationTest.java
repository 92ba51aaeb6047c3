package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.DomainEvent;

class QueryObservabilityIntegrationTest extends QueryIntegrationTest {

    @Test
    void healthReportsTheDatabaseAndKafka() {
        JsonNode health = http().get("/actuator/health").json();

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsLagLatencyAndOutcomes() {
        Streams.Story story = Streams.Story.create();
        Streams.chain(Instant.now(), story.events().toArray(DomainEvent[]::new)).forEach(QueryIntegrationTest::publish);
        awaitVersion(story.commitmentId(), 9);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = http().get("/actuator/prometheus").text();
            assertThat(metrics).contains("compromisos_projection_events_total{", "outcome=\"applied\"");
            assertThat(metrics).contains("compromisos_projection_latency_seconds_count");
            assertThat(metrics).contains("compromisos_projection_held", "compromisos_projection_held_stuck");
            assertThat(metrics).containsPattern("compromisos_consumer_lag_records\\{[^}]*partition=\"0\"");
        });
    }

    @Test
    void theApiIsDocumented() {
        Http.Reply docs = http().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.text()).contains("/api/v1/sdg/progress", "/api/v1/commitments/{commitmentId}/history",
                "/problems/projection-behind");
        assertThat(http().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
