package mx.gobiernoabierto.compromisos.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import mx.gobiernoabierto.compromisos.events.log.Checkpoint;
import mx.gobiernoabierto.compromisos.events.log.Ed25519Keys;
import mx.gobiernoabierto.compromisos.infrastructure.PostgresEndpoint;
import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;
import mx.gobiernoabierto.compromisos.localstack.Services;

/**
 * Both services on a real PostgreSQL and a real Kafka broker, and the auditor's verifier against them: events are
 * written, a witness saves a checkpoint from the query service's feed, more events are written, and the verifier
 * accepts the commitment's history and the two checkpoints' consistency. Then the operator turns malicious: stops the
 * services, deletes the tail of one commitment's events from the event store, empties the log's tables so that the
 * tree is rebuilt from what is left, and starts again with the same key. The verifier, holding the saved
 * checkpoint, rejects and names the events and the consistency it could not prove.
 */
class VerifierEndToEndTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Mexico_City"));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Services services;

    @AfterEach
    void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void theVerifierAcceptsAnHonestLogAndRejectsATruncatedStoreRebuiltIntoANewTree(@TempDir Path dir) throws Exception {
        PostgresEndpoint postgres = TestInfrastructure.postgres();
        PostgresEndpoint commandDb = postgres.withDatabase(dbName(TestInfrastructure.freshDatabase("tlog_command")));
        PostgresEndpoint queryDb = postgres.withDatabase(dbName(TestInfrastructure.freshDatabase("tlog_query")));
        KeyPair key = Ed25519Keys.generate();
        Path keyFile = Files.writeString(dir.resolve("log-signing-key.pem"), Ed25519Keys.privatePem(key.getPrivate()));
        List<String> settings = List.of("--spring.profiles.active=demo", "--compromisos.topic=tlog.events",
                "--compromisos.query.topic=tlog.events", "--compromisos.query.dead-letter-topic=tlog.events.dlt",
                "--compromisos.log.checkpoint-topic=tlog.checkpoints",
                "--compromisos.query.log.checkpoint-topic=tlog.checkpoints",
                "--compromisos.log.checkpoint-interval=1s",
                "--compromisos.log.signing-key-location=" + keyFile);
        services = Services.start(commandDb, queryDb, TestInfrastructure.kafka(), 0, 0, settings);
        String command = "http://127.0.0.1:" + services.commandPort();
        String query = "http://127.0.0.1:" + services.queryPort();

        // events are written: a plan, commitment A through its implementation, commitment B drafted
        String planId = post(command, "admin:demo-admin", "/api/v1/plans", Map.of("stlId", "stl-jalisco",
                "stlName", "STL Jalisco", "jurisdiction", "Jalisco", "title", "Plan de Acción Local 2025-2027",
                "periodStart", "2025-01-01", "periodEnd", "2027-12-31")).get("planId").asString();
        String a = draft(command, planId, "TLOG-A");
        String milestone = post(command, EDITOR, "/api/v1/commitments/" + a + "/milestones", Map.of("title", "Portal",
                "description", "Datos abiertos", "dueDate", TODAY.plusDays(60).toString(), "responsible", "SOP"))
                .get("milestoneId").asString();
        post(command, EDITOR, "/api/v1/commitments/" + a + "/indicators", Map.ofEntries(
                Map.entry("name", "Partidas publicadas"), Map.entry("kind", "OUTPUT"), Map.entry("unit", "%"),
                Map.entry("baseline", 10), Map.entry("baselineDate", TODAY.minusDays(30).toString()),
                Map.entry("target", 100), Map.entry("targetDate", TODAY.plusDays(300).toString()),
                Map.entry("direction", "INCREASE"), Map.entry("frequency", "QUARTERLY"),
                Map.entry("meansOfVerification", "Portal")));
        post(command, EDITOR, "/api/v1/commitments/" + a + "/adoption", Map.of("sessionDate", TODAY.minusDays(5).toString(),
                "approvals", List.of(Map.of("sector", "GOVERNMENT", "name", "Ana"),
                        Map.of("sector", "TRANSPARENCY_BODY", "name", "Luis"), Map.of("sector", "CIVIL_SOCIETY", "name", "Eva"))));
        String b = draft(command, planId, "TLOG-B");
        post(command, EDITOR, "/api/v1/commitments/" + a + "/implementation", Map.of("startedOn", TODAY.minusDays(4).toString()));
        progress(command, a, milestone, 10);
        long eventsSoFar = countEvents(commandDb);

        // a witness saves the checkpoint that covers them, from the query service's feed, and the public key
        String saved = await().atMost(Duration.ofSeconds(60)).until(() -> get(query, "/api/v1/log/checkpoint"),
                note -> note != null && Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1)).size() == eventsSoFar);
        Path savedCheckpoint = Files.writeString(dir.resolve("checkpoint-guardado.txt"), saved);
        Path publicKey = Files.writeString(dir.resolve("public-key.json"), get(command, "/api/v1/log/public-key"));
        Path publicPem = Files.writeString(dir.resolve("public-key.pem"), Ed25519Keys.publicPem(key.getPublic()));
        JsonNode feed = JSON.readTree(get(query, "/api/v1/log/checkpoints?size=500"));
        assertThat(feed.get("items").findValuesAsString("note")).contains(saved);

        // more events are written
        progress(command, a, milestone, 40);
        post(command, EDITOR, "/api/v1/commitments/" + b + "/milestones", Map.of("title", "Padrón", "description", "d",
                "dueDate", TODAY.plusDays(90).toString(), "responsible", "SOP"));
        long eventsNow = countEvents(commandDb);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(command, "/api/v1/log/checkpoint"),
                note -> Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1)).size() == eventsNow);
        String historyOfA = query + "/api/v1/commitments/" + a + "/history";
        await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(get(query, "/api/v1/commitments/" + a + "/history"))
                .get("events").size() == 7);

        Run honest = verify("compromiso", "--punto-de-control=" + savedCheckpoint, "--clave=" + publicKey,
                "--historial=" + historyOfA, "--registro=" + command);
        assertThat(honest.exitCode()).as(honest.output()).isZero();
        assertThat(honest.output()).contains("VEREDICTO: VERIFICADO", "posterior al punto de control guardado",
                "incluido en la hoja", "la cadena de 7 eventos se recalculó");
        Run honestConsistency = verify("consistencia", "--anterior=" + savedCheckpoint, "--clave=" + publicPem,
                "--registro=" + command);
        assertThat(honestConsistency.exitCode()).as(honestConsistency.output()).isZero();

        // the malicious operator: the tail of A is cut from the event store and the log rebuilt from what is left
        services.close();
        services = null;
        int deleted = sql(commandDb, "DELETE FROM domainevententry WHERE aggregateidentifier = '" + a
                + "' AND sequencenumber >= 3");
        assertThat(deleted).isEqualTo(4);
        sql(commandDb, "DELETE FROM snapshotevententry WHERE aggregateidentifier = '" + a + "'");
        sql(commandDb, "TRUNCATE log_leaf, log_node, log_checkpoint");
        services = Services.start(commandDb, queryDb, TestInfrastructure.kafka(), 0, 0, settings);
        String rebuilt = "http://127.0.0.1:" + services.commandPort();
        long eventsLeft = countEvents(commandDb);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(rebuilt, "/api/v1/log/checkpoint"),
                note -> Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1)).size() == eventsLeft);
        String integrityNow = get(rebuilt, "/api/v1/commitments/" + a + "/integrity");
        assertThat(JSON.readTree(integrityNow).get("valid").asBoolean())
                .as("the store's own chain still looks valid: the per-commitment chain cannot see a cut tail").isTrue();

        Run truncated = verify("compromiso", "--punto-de-control=" + savedCheckpoint, "--clave=" + publicKey,
                "--historial=" + "http://127.0.0.1:" + services.queryPort() + "/api/v1/commitments/" + a + "/history",
                "--registro=" + rebuilt);
        assertThat(truncated.exitCode()).as(truncated.output()).isEqualTo(1);
        assertThat(truncated.output()).contains("VEREDICTO: NO VERIFICADO", "el registro fue recortado (truncated)",
                "evento 3 (CommitmentAdopted", "evento 4 (ImplementationStarted", "evento 5 (MilestoneProgressLogged",
                "no se pudo probar su inclusión en el punto de control guardado");

        // the log grows past the saved size again: now it is not an extension of the saved checkpoint
        for (int i = 0; i < 4; i++) {
            post(rebuilt, EDITOR, "/api/v1/commitments/" + b + "/milestones", Map.of("title", "Hito " + i,
                    "description", "d", "dueDate", TODAY.plusDays(90).toString(), "responsible", "SOP"));
        }
        long grown = countEvents(commandDb);
        assertThat(grown).isGreaterThan(Checkpoint.parse(saved.substring(0, saved.indexOf("\n\n") + 1)).size());
        await().atMost(Duration.ofSeconds(60)).until(() -> get(rebuilt, "/api/v1/log/checkpoint"),
                note -> Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1)).size() == grown);
        Run cheated = verify("compromiso", "--punto-de-control=" + savedCheckpoint, "--clave=" + publicKey,
                "--historial=" + "http://127.0.0.1:" + services.queryPort() + "/api/v1/commitments/" + a + "/history",
                "--registro=" + rebuilt);
        assertThat(cheated.exitCode()).as(cheated.output()).isEqualTo(1);
        assertThat(cheated.output()).contains("VEREDICTO: NO VERIFICADO",
                "La prueba de consistencia", "no es una extensión del punto de control",
                "evento 0 (CommitmentDrafted", "no lleva a la raíz del punto de control guardado",
                "evento 3 (CommitmentAdopted", "evento 4 (ImplementationStarted", "evento 5 (MilestoneProgressLogged",
                "no se pudo probar su inclusión en el punto de control guardado");
        Run cheatedConsistency = verify("consistencia", "--anterior=" + savedCheckpoint, "--clave=" + publicKey,
                "--registro=" + rebuilt);
        assertThat(cheatedConsistency.exitCode()).as(cheatedConsistency.output()).isEqualTo(1);
        assertThat(cheatedConsistency.output()).contains("VEREDICTO: NO VERIFICADO", "fue reescrito o recortado");
        System.out.println(truncated.output());
        System.out.println(cheated.output());
    }

    @Test
    void aCheckpointWithAForgedSignatureIsRejected(@TempDir Path dir) throws Exception {
        KeyPair key = Ed25519Keys.generate();
        KeyPair other = Ed25519Keys.generate();
        Checkpoint checkpoint = new Checkpoint("compromisos.local/log", 1,
                mx.gobiernoabierto.compromisos.events.log.MerkleTree.leafHash(new byte[32]));
        String forged = mx.gobiernoabierto.compromisos.events.log.SignedNote.sign(checkpoint.body(),
                "compromisos.local/log", other.getPrivate(), other.getPublic());
        Path note = Files.writeString(dir.resolve("checkpoint.txt"), forged);
        Path pem = Files.writeString(dir.resolve("key.pem"), Ed25519Keys.publicPem(key.getPublic()));
        Run run = verify("consistencia", "--anterior=" + note, "--posterior=" + note, "--clave=" + pem,
                "--registro=http://127.0.0.1:9");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("la firma no verifica", "VEREDICTO: NO VERIFICADO");
        assertThat(verify("compromiso", "--clave=" + pem).exitCode()).isEqualTo(2);
    }

    private static final String EDITOR = "editor.jalisco:demo-jalisco";

    private record Run(int exitCode, String output) {
    }

    private static Run verify(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int code = Verificador.run(args, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return new Run(code, buffer.toString(StandardCharsets.UTF_8));
    }

    private static String draft(String command, String planId, String code) throws Exception {
        return post(command, EDITOR, "/api/v1/commitments", Map.ofEntries(Map.entry("planId", planId),
                Map.entry("code", code), Map.entry("title", "Presupuesto abierto"),
                Map.entry("publicProblem", "No se sabe en qué se gasta"), Map.entry("objective", "Publicarlo"),
                Map.entry("responsibleInstitutions", List.of("Hacienda")),
                Map.entry("civilSocietyOrganisations", List.of("Observatorio")),
                Map.entry("ogpValues", List.of("TRANSPARENCY")), Map.entry("sdgTargets", List.of("16.6")),
                Map.entry("startDate", TODAY.minusDays(30).toString()),
                Map.entry("endDate", TODAY.plusDays(300).toString()))).get("commitmentId").asString();
    }

    private static void progress(String command, String commitment, String milestone, int percent) throws Exception {
        post(command, EDITOR, "/api/v1/commitments/" + commitment + "/milestones/" + milestone + "/progress",
                Map.of("percent", percent, "reportedOn", TODAY.toString()));
    }

    private static JsonNode post(String base, String user, String path, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static String get(String base, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : null;
    }

    private static long countEvents(PostgresEndpoint db) throws Exception {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM domainevententry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int sql(PostgresEndpoint db, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    private static String dbName(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }
}
