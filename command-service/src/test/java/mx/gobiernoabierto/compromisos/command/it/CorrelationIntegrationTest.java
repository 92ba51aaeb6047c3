package mx.gobiernoabierto.compromisos.command.it;

import static mx.gobiernoabierto.compromisos.command.it.Api.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;

/**
 * The {@code X-Correlation-Id} a client sends with a command is the {@code correlationId} of every event that command
 * causes, as published on Kafka; a command sent without one gets an id of its own, the same for all its events.
 */
class CorrelationIntegrationTest extends IntegrationTest {

    @Test
    void theCorrelationIdSentWithACommandArrivesInTheEnvelopesOfItsEvents() {
        Scenario scenario = new Scenario(api()).plan();
        String drafted = "req-" + UUID.randomUUID();
        Api.Reply draft = api().post("/api/v1/commitments", Scenario.draftBody(scenario.planId, "CORR-1"),
                "X-Correlation-Id", drafted);
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String id = draft.field("commitmentId");
        String planned = "req-" + UUID.randomUUID();
        Api.Reply milestone = api().post("/api/v1/commitments/" + id + "/milestones", body("title", "Portal publicado",
                "description", "El portal de datos abiertos está en línea", "dueDate", Scenario.TODAY.plusMonths(2).toString(),
                "responsible", "Dirección de Transparencia"), "X-Correlation-Id", planned);
        assertThat(milestone.status()).as(milestone.toString()).isEqualTo(201);
        Api.Reply unnamed = api().post("/api/v1/commitments/" + id + "/milestones", body("title", "Datos publicados",
                "description", "Los datos del presupuesto están en línea", "dueDate", Scenario.TODAY.plusMonths(3).toString(),
                "responsible", "Dirección de Transparencia"));
        assertThat(unnamed.status()).as(unnamed.toString()).isEqualTo(201);

        List<EventEnvelope> published;
        try (TopicReader reader = new TopicReader(TOPIC, Set.of(id))) {
            published = await().atMost(Duration.ofSeconds(60)).until(reader::poll, envelopes -> envelopes.size() >= 3);
        }
        assertThat(published).extracting(EventEnvelope::type)
                .containsExactly("CommitmentDrafted", "MilestonePlanned", "MilestonePlanned");
        assertThat(published.get(0).correlationId()).isEqualTo(drafted);
        assertThat(published.get(1).correlationId()).isEqualTo(planned);
        assertThat(published.get(2).correlationId()).isNotBlank().isNotIn(drafted, planned);
        assertThat(published).allSatisfy(envelope -> assertThat(envelope.hashMatches()).isTrue());
    }
}
