package mx.gobiernoabierto.compromisos.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.command.it.CommandCatalog.Asker;
import mx.gobiernoabierto.compromisos.command.it.CommandCatalog.Endpoint;
import mx.gobiernoabierto.compromisos.command.it.CommandCatalog.Request;

/**
 * Every command endpoint of the contract against every kind of caller: anonymous, the editor of the commitment's
 * STL, the editor of another STL, the evaluator and the administrator. Each row sets up a commitment in which the
 * command would succeed, so that a refusal can only come from who is asking; a refused request writes no event and
 * no idempotency key and is counted, and an accepted one records the caller's stable id as the event's actor.
 */
class AuthorizationMatrixIntegrationTest extends IntegrationTest {

    @Autowired
    MeterRegistry meters;

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint endpoint : CommandCatalog.ENDPOINTS) {
            for (Asker asker : Asker.values()) {
                rows.add(Arguments.of(endpoint.name(), asker, endpoint.rule().status(asker, endpoint.success())));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void everyCommandIsAllowedOnlyToItsRole(String endpointName, Asker asker, int expectedStatus) {
        Endpoint endpoint = CommandCatalog.endpoint(endpointName);
        Scenario scenario = new Scenario(api(DemoUser.EDITOR_JALISCO));
        Request request = endpoint.setup().prepare(scenario);
        Api caller = asker.user == null ? anonymousApi() : api(asker.user);
        String idempotencyKey = "matrix-" + UUID.randomUUID();
        long eventsBefore = allStoredEvents();
        double deniedBefore = denied("unauthenticated") + denied("forbidden");

        String json = Api.JSON.writeValueAsString(request.body());
        Api.Reply reply = caller.send(request.method(), request.path(), json, "Idempotency-Key", idempotencyKey);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(expectedStatus);
        if (expectedStatus >= 400) {
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.field("type")).isEqualTo(expectedStatus == 401 ? "/problems/unauthorized" : "/problems/forbidden");
            assertThat(reply.json().get("status").asInt()).isEqualTo(expectedStatus);
            if (expectedStatus == 401) {
                assertThat(reply.header("WWW-Authenticate")).isNotNull();
                assertThat(reply.headers().get("WWW-Authenticate")).anySatisfy(challenge ->
                        assertThat(challenge).startsWith("Basic realm="));
            }
            assertThat(allStoredEvents()).as("a refused request writes no event").isEqualTo(eventsBefore);
            assertThat(idempotencyKeys(idempotencyKey)).as("nor an idempotency key").isZero();
            assertThat(denied("unauthenticated") + denied("forbidden")).as("and is counted").isEqualTo(deniedBefore + 1);
        } else {
            String aggregateId = request.path().equals("/api/v1/plans") ? reply.field("planId") : reply.field("commitmentId");
            assertThat(lastActor(aggregateId)).as("the actor of the event written").isEqualTo(asker.user.id);
            assertThat(allStoredEvents()).isEqualTo(eventsBefore + 1);
            assertThat(idempotencyKeys(idempotencyKey)).isOne();
            if (!request.path().equals("/api/v1/plans")) {
                assertThat(anonymousApi().get("/api/v1/commitments/" + aggregateId + "/integrity").json()
                        .get("valid").asBoolean()).isTrue();
            }
        }
    }

    private String lastActor(String aggregateId) {
        byte[] metadata = jdbc.sql("""
                        SELECT metadata FROM domainevententry WHERE aggregateidentifier = ?
                        ORDER BY sequencenumber DESC LIMIT 1""")
                .param(aggregateId).query(byte[].class).single();
        JsonNode json = Api.JSON.readTree(new String(metadata, StandardCharsets.UTF_8));
        return json.get("actor").asString();
    }

    private long idempotencyKeys(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?").param(key)
                .query(Long.class).single();
    }

    private double denied(String reason) {
        Counter counter = meters.find("compromisos.access.denied").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

}
