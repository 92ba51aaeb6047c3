package mx.gobiernoabierto.compromisos.command.it;

import static mx.gobiernoabierto.compromisos.command.it.Api.body;
import static mx.gobiernoabierto.compromisos.command.it.Scenario.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;

class CommitmentLifecycleIntegrationTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("aggregateCache")
    org.axonframework.common.caching.Cache aggregateCache;

    @Test
    void aCommitmentFromDraftToEvaluationIsPublishedInOrderWithAChainThatVerifies() {
        Api api = api();
        Scenario scenario = new Scenario(api).inImplementation();
        String id = scenario.commitmentId;

        Api.Reply progress = scenario.ok(api.post(scenario.path("/milestones/" + scenario.milestoneId + "/progress"),
                body("percent", 40, "note", "Portal en pruebas", "evidenceUrls",
                        List.of("https://transparencia.jalisco.gob.mx/presupuesto"), "reportedOn", TODAY.toString())));
        assertThat(progress.header("ETag")).isEqualTo("\"5\"");
        assertThat(progress.json().get("version").asLong()).isEqualTo(5);
        Api.Reply measurement = api.post(scenario.path("/indicators/" + scenario.indicatorId + "/measurements"),
                body("value", 32, "measuredOn", TODAY.minusDays(1).toString(), "source", "Portal estatal"));
        assertThat(measurement.status()).isEqualTo(201);
        String measurementId = measurement.field("measurementId");
        scenario.ok(api.post(scenario.path("/indicators/" + scenario.indicatorId + "/measurements/" + measurementId
                + "/correction"), body("value", 23, "reason", "Se contaron municipios duplicados")));
        scenario.ok(api.post(scenario.path("/monitoring-reports"), body("periodEnd", TODAY.toString(),
                "assessment", "ON_TRACK", "narrative", "Avance conforme al plan")));
        scenario.ok(api.post(scenario.path("/milestones/" + scenario.milestoneId + "/completion"),
                body("completedOn", TODAY.toString(), "evidenceUrls",
                        List.of("https://transparencia.jalisco.gob.mx/presupuesto/2025"))));
        scenario.ok(api.post(scenario.path("/completion"), body("completedOn", TODAY.toString())));
        Api.Reply evaluated = scenario.ok(api(DemoUser.EVALUATOR).post(scenario.path("/evaluation"), body("evaluatedOn", TODAY.toString(),
                "completionLevel", "COMPLETE", "didItOpenGovernment", "MAJOR",
                "findings", "El portal se usa por periodistas y regidores.", "evaluator", "Mecanismo Independiente")));
        long version = evaluated.json().get("version").asLong();
        assertThat(version).isEqualTo(11);
        assertThat(storedEvents(id)).isEqualTo(12);

        List<EventEnvelope> published;
        try (TopicReader reader = new TopicReader(TOPIC, Set.of(id))) {
            published = await().atMost(Duration.ofSeconds(60)).until(reader::poll, envelopes -> envelopes.size() >= 12);
        }
        assertThat(published).extracting(EventEnvelope::sequence)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(published).extracting(EventEnvelope::type).containsExactly("CommitmentDrafted", "MilestonePlanned",
                "IndicatorDefined", "CommitmentAdopted", "ImplementationStarted", "MilestoneProgressLogged",
                "MeasurementRecorded", "MeasurementCorrected", "MonitoringReportSubmitted", "MilestoneCompleted",
                "CommitmentCompleted", "CommitmentEvaluated");
        assertThat(published).extracting(EventEnvelope::actor).containsExactly(
                DemoUser.EDITOR_JALISCO.id, DemoUser.EDITOR_JALISCO.id, DemoUser.EDITOR_JALISCO.id,
                DemoUser.EDITOR_JALISCO.id, DemoUser.EDITOR_JALISCO.id, DemoUser.EDITOR_JALISCO.id,
                DemoUser.EDITOR_JALISCO.id, DemoUser.EDITOR_JALISCO.id, DemoUser.EDITOR_JALISCO.id,
                DemoUser.EDITOR_JALISCO.id, DemoUser.EDITOR_JALISCO.id, DemoUser.EVALUATOR.id);
        assertThat(published).allSatisfy(envelope -> {
            assertThat(envelope.aggregateType()).isEqualTo("Commitment");
            assertThat(envelope.occurredAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(envelope.hashMatches()).isTrue();
        });
        HashChain.Verification chain = HashChain.verify(id, published.stream()
                .map(e -> new HashChain.Link(e.sequence(), e.type(), e.occurredAt(), e.actor(), e.payload(),
                        e.prevHash(), e.hash()))
                .toList());
        assertThat(chain.valid()).isTrue();

        Api.Reply integrity = api.get(scenario.path("/integrity"));
        assertThat(integrity.status()).isEqualTo(200);
        assertThat(integrity.json().get("valid").asBoolean()).isTrue();
        assertThat(integrity.json().get("events").asInt()).isEqualTo(12);
        assertThat(integrity.field("headHash")).isEqualTo(published.getLast().hash());
        assertThat(integrity.json().get("firstInvalidSequence").isNull()).isTrue();
    }

    @Test
    void integrityFindsTheFirstEventAlteredInTheStore() {
        Api api = api();
        Scenario scenario = new Scenario(api).planned();
        jdbc.sql("""
                        UPDATE domainevententry
                        SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Publicar el portal', 'Portal alterado'), 'UTF8')
                        WHERE aggregateidentifier = ? AND sequencenumber = 1""")
                .param(scenario.commitmentId).update();

        Api.Reply integrity = api.get(scenario.path("/integrity"));

        assertThat(integrity.json().get("valid").asBoolean()).isFalse();
        assertThat(integrity.json().get("firstInvalidSequence").asLong()).isEqualTo(1);
        assertThat(integrity.json().get("events").asInt()).isEqualTo(3);
    }

    @Test
    void integrityOfAnUnknownCommitmentIsNotFound() {
        Api.Reply reply = api().get("/api/v1/commitments/00000000-0000-4000-8000-000000000000/integrity");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.field("type")).endsWith("/not-found");
    }

    @Test
    void commandsKeepWorkingOnceTheStateIsSnapshotted() {
        Api api = api();
        Scenario scenario = new Scenario(api).inImplementation();
        for (int percent = 10; percent <= 80; percent += 10) {
            scenario.ok(api.post(scenario.path("/milestones/" + scenario.milestoneId + "/progress"),
                    body("percent", percent, "reportedOn", TODAY.toString())));
        }
        // snapshots are taken in the background; then the next command must rebuild the state from the snapshot,
        // not find it in the aggregate cache
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?")
                        .param(scenario.commitmentId).query(Long.class).single()).isPositive());
        aggregateCache.removeAll();

        Api.Reply completed = scenario.ok(api.post(scenario.path("/milestones/" + scenario.milestoneId + "/completion"),
                body("completedOn", TODAY.toString(), "evidenceUrls", List.of("https://example.org/acta.pdf"))));
        assertThat(completed.json().get("version").asLong()).isEqualTo(13);
        Api.Reply again = api.post(scenario.path("/milestones/" + scenario.milestoneId + "/progress"),
                body("percent", 90, "reportedOn", TODAY.toString()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.get(scenario.path("/integrity")).json().get("valid").asBoolean()).isTrue();
    }
}
