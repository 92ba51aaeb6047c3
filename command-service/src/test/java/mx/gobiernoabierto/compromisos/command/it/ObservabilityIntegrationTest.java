package mx.gobiernoabierto.compromisos.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ObservabilityIntegrationTest extends IntegrationTest {

    @Test
    void readinessDependsOnTheDatabase() {
        Api.Reply readiness = api().get("/actuator/health/readiness");

        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(readiness.json().get("components").has("db")).isTrue();
        assertThat(readiness.json().get("components").has("kafka")).isFalse();
    }

    @Test
    void healthReportsTheDatabaseAndKafka() {
        Api.Reply health = anonymousApi().get("/actuator/health");

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("kafka").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsCommandsEventsAndPublisherLag() {
        new Scenario(api()).planned();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = anonymousApi().get("/actuator/prometheus").text();
            assertThat(metrics).contains("compromisos_publisher_lag_events");
            assertThat(metrics).contains("compromisos_events_appended_total{", "type=\"MilestonePlanned\"");
            assertThat(metrics).containsPattern("commandBus.*PlanMilestone|PlanMilestone.*commandBus");
            assertThat(metrics).contains("http_server_requests_seconds");
        });
    }

    @Test
    void theApiIsDocumentedWithItsProblemTypesAndTheTypesDereference() {
        Api.Reply docs = anonymousApi().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.text()).contains("/api/v1/commitments/{id}/milestones/{milestoneId}/progress",
                "/problems/version-conflict", "Idempotency-Key");
        assertThat(anonymousApi().get("/swagger-ui/index.html").status()).isEqualTo(200);
        Api.Reply type = anonymousApi().get("/problems/duplicate-code");
        assertThat(type.status()).isEqualTo(200);
        assertThat(type.field("meaning")).contains("already used in this plan");
    }
}
