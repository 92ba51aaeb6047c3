package mx.gobiernoabierto.compromisos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.chain.CanonicalJson;
import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;

/**
 * The command service and the query service against one real PostgreSQL and one real Kafka broker: commands go
 * in over HTTP, views come out over HTTP, and the figures equal those computed here by hand.
 */
class EndToEndTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Mexico_City"));
    private static Services services;
    private static Client admin;
    private static Client command;
    private static Client anonymous;
    private static Client query;

    @BeforeAll
    static void startBothServices() {
        var postgres = TestInfrastructure.postgres();
        services = Services.start(
                postgres.withDatabase(dbName(TestInfrastructure.freshDatabase("e2e_command"))),
                postgres.withDatabase(dbName(TestInfrastructure.freshDatabase("e2e_query"))),
                TestInfrastructure.kafka(), 0, 0, List.of("--spring.profiles.active=demo", "--compromisos.topic=e2e.events",
                        "--compromisos.query.topic=e2e.events", "--compromisos.query.dead-letter-topic=e2e.events.dlt"));
        admin = new Client("http://127.0.0.1:" + services.commandPort(), "admin", "demo-admin");
        command = new Client("http://127.0.0.1:" + services.commandPort(), "editor.nuevoleon", "demo-nuevoleon");
        anonymous = new Client("http://127.0.0.1:" + services.commandPort());
        query = new Client("http://127.0.0.1:" + services.queryPort());
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void onlyTheQueryServiceServesThePortalAndItsPagesMayCallTheCommandServiceWhereItReallyListens() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/", "/metodologia", "/datos", "/recursos/css/portal.css", "/recursos/js/verificar.js")) {
            var onQuery = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + services.queryPort() + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(onQuery.statusCode()).as("query %s", path).isEqualTo(200);
            var onCommand = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + services.commandPort() + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(onCommand.statusCode()).as("command %s", path).isNotEqualTo(200);
            assertThat(onCommand.body()).as("command %s", path).doesNotContain("<html");
        }
        var page = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + services.queryPort() + "/")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("connect-src 'self' http://localhost:" + services.commandPort());
    }

    @Test
    void commandsInOverHttpGiveViewsEqualToHandComputedFiguresAHistoryThatVerifiesAndAsOfViews() throws Exception {
        String planId = admin.post("/api/v1/plans", Map.of("stlId", "stl-nuevo-leon", "stlName", "STL Nuevo León",
                "jurisdiction", "Nuevo León", "title", "Plan de Acción Local 2025-2027",
                "periodStart", "2025-01-01", "periodEnd", "2027-12-31")).get("planId").asString();
        LocalDate start = TODAY.minusDays(100);
        LocalDate end = TODAY.plusDays(100);
        String id = command.post("/api/v1/commitments", Map.ofEntries(Map.entry("planId", planId),
                Map.entry("code", "NL-2025-01"), Map.entry("title", "Obra pública abierta"),
                Map.entry("publicProblem", "No se sabe cuánto cuestan las obras"),
                Map.entry("objective", "Publicar cada contrato de obra"),
                Map.entry("responsibleInstitutions", List.of("Secretaría de Obras Públicas")),
                Map.entry("civilSocietyOrganisations", List.of("Cómo Vamos Nuevo León")),
                Map.entry("ogpValues", List.of("TRANSPARENCY", "PUBLIC_ACCOUNTABILITY")),
                Map.entry("sdgTargets", List.of("16.6", "9.1")),
                Map.entry("startDate", start.toString()), Map.entry("endDate", end.toString()))).get("commitmentId").asString();
        String path = "/api/v1/commitments/" + id;
        String m1 = command.post(path + "/milestones", Map.of("title", "Padrón de obras", "description", "d",
                "dueDate", TODAY.minusDays(10).toString(), "responsible", "SOP", "weight", 1)).get("milestoneId").asString();
        String m2 = command.post(path + "/milestones", Map.of("title", "Portal", "description", "d",
                "dueDate", end.toString(), "responsible", "SOP", "weight", 4)).get("milestoneId").asString();
        String indicator = command.post(path + "/indicators", Map.ofEntries(Map.entry("name", "Tiempo de respuesta"),
                Map.entry("kind", "OUTCOME"), Map.entry("unit", "días"), Map.entry("baseline", 40),
                Map.entry("baselineDate", "2025-01-01"), Map.entry("target", 20), Map.entry("targetDate", end.toString()),
                Map.entry("direction", "DECREASE"), Map.entry("frequency", "QUARTERLY"),
                Map.entry("meansOfVerification", "Informe trimestral"))).get("indicatorId").asString();
        command.post(path + "/adoption", Map.of("sessionDate", TODAY.minusDays(90).toString(), "approvals", List.of(
                Map.of("sector", "GOVERNMENT", "name", "Ana"), Map.of("sector", "TRANSPARENCY_BODY", "name", "Luis"),
                Map.of("sector", "CIVIL_SOCIETY", "name", "Eva"))));
        command.post(path + "/implementation", Map.of("startedOn", TODAY.minusDays(80).toString()));
        JsonNode afterStart = command.post(path + "/milestones/" + m2 + "/progress",
                Map.of("percent", 25, "reportedOn", TODAY.minusDays(5).toString()));
        Instant between = Instant.now();
        Thread.sleep(20);
        command.post(path + "/indicators/" + indicator + "/measurements",
                Map.of("value", 35, "measuredOn", TODAY.minusDays(3).toString(), "source", "Informe"));
        long version = command.post(path + "/indicators/" + indicator + "/measurements",
                Map.of("value", 31, "measuredOn", TODAY.minusDays(1).toString(), "source", "Informe")).get("version").asLong();

        JsonNode view = query.get(path + "?minVersion=" + version + "&on=" + TODAY);

        // m1 (weight 1) at 0, m2 (weight 4) at 25: (0 + 100)/5 = 20.0
        assertThat(view.get("implementationProgress").decimalValue()).isEqualByComparingTo("20.0");
        // DECREASE 40 → 20, latest 31 (measured last): (40 − 31)/(40 − 20) = 45.0
        assertThat(view.get("indicatorMeanProgress").decimalValue()).isEqualByComparingTo("45.0");
        // 100 of 200 days elapsed: expected 50.0; 20 < 50 − 25 → DELAYED; m1 was due 10 days ago → overdue
        assertThat(view.get("expectedProgress").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(view.get("scheduleStatus").asString()).isEqualTo("DELAYED");
        assertThat(view.get("milestonesOverdue").asInt()).isEqualTo(1);
        assertThat(view.get("version").asLong()).isEqualTo(version);
        assertThat(query.get(path + "/history").get("events").findValuesAsString("actor"))
                .as("every event records the stable id of who wrote it").containsOnly("usr-nl-editor-01");
        JsonNode plan = query.get("/api/v1/plans/" + planId + "/progress?on=" + TODAY);
        assertThat(plan.get("commitmentsByStatus").get("IN_IMPLEMENTATION").asInt()).isEqualTo(1);
        assertThat(plan.get("delayed").asInt()).isEqualTo(1);

        JsonNode history = query.get(path + "/history");
        String prev = "0".repeat(64);
        for (JsonNode event : history.get("events")) {
            String text = String.join("\n", prev, id, event.get("sequence").asString(), event.get("type").asString(),
                    event.get("occurredAt").asString(), event.get("actor").asString(),
                    CanonicalJson.canonicalize(event.get("payload")));
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
            assertThat(event.get("prevHash").asString()).isEqualTo(prev);
            assertThat(event.get("hash").asString()).as("event %s", event.get("sequence")).isEqualTo(hash);
            prev = hash;
        }
        assertThat(history.get("events").size()).isEqualTo((int) version + 1);
        assertThat(query.get(path + "/integrity").get("headHash").asString()).isEqualTo(prev);
        assertThat(anonymous.get(path + "/integrity").get("headHash").asString()).isEqualTo(prev);

        JsonNode then = query.get(path + "?asOf=" + between + "&on=" + TODAY);
        assertThat(then.get("version").asLong()).isEqualTo(afterStart.get("version").asLong());
        assertThat(then.get("indicatorMeanProgress").isNull()).isTrue();
        assertThat(then.get("implementationProgress").decimalValue()).isEqualByComparingTo(new BigDecimal("20.0"));
    }

    static String dbName(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }
}
