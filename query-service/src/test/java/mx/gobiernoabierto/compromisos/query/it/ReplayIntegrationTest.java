package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import mx.gobiernoabierto.compromisos.events.DomainEvent;

class ReplayIntegrationTest extends QueryIntegrationTest {

    @Test
    void aReplayRebuildsEveryViewReportsThemEqualAndRepairsADamagedViewOnSwitchOver() throws Exception {
        Streams.Story story = Streams.Story.create();
        publish(Streams.chain(Instant.parse("2024-09-01T15:00:00.000Z"), story.plan()).getFirst());
        Streams.chain(Instant.parse("2024-09-01T15:00:00.000Z"), story.events().toArray(DomainEvent[]::new))
                .forEach(QueryIntegrationTest::publish);
        awaitVersion(story.commitmentId(), 9);
        String before = http().get("/api/v1/commitments/" + story.commitmentId() + "?on=2024-10-01").text();

        JsonNode dryRun = replay(false);

        assertThat(dryRun.get("equal").asBoolean()).as(dryRun.toString()).isTrue();
        assertThat(dryRun.get("switchedOver").asBoolean()).isFalse();
        assertThat(dryRun.get("applied").asLong()).isGreaterThanOrEqualTo(11);

        jdbc.sql("UPDATE commitment_view SET state = replace(state, 'Compras abiertas', 'Compras dañadas') WHERE commitment_id = ?")
                .param(story.commitmentId()).update();
        JsonNode damaged = replay(false);
        assertThat(damaged.get("equal").asBoolean()).isFalse();
        assertThat(damaged.get("differences").findValuesAsString("id")).containsExactly(story.commitmentId());

        JsonNode switched = replay(true);
        assertThat(switched.get("switchedOver").asBoolean()).isTrue();
        assertThat(http().get("/api/v1/commitments/" + story.commitmentId() + "?on=2024-10-01").text()).isEqualTo(before);
        assertThat(replay(false).get("equal").asBoolean()).isTrue();

        Streams.Story later = Streams.Story.create();
        Streams.chain(Instant.parse("2024-09-02T15:00:00.000Z"), later.events().toArray(DomainEvent[]::new))
                .forEach(QueryIntegrationTest::publish);
        awaitVersion(later.commitmentId(), 9);
    }

    private JsonNode replay(boolean switchOver) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/admin/replay?switchOver=" + switchOver))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:demo-admin".getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }
}
